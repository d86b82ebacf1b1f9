import { defineSeededSweep } from './sweep';

// Schema properties only (json-schema-faker `fillProperties` off, process-wide: this mode has its own file).
defineSeededSweep(false);
