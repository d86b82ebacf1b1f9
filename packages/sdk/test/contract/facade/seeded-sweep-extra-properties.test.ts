import { defineSeededSweep } from './sweep';

// Random extra properties on (json-schema-faker `fillProperties`, process-wide: this mode has its own file).
defineSeededSweep(true);
