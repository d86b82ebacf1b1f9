// The consumer programs live with the release scripts, which run them too (scripts/lib/consumer-programs.mjs).
export { browserEntry, nodeProgram, typescriptConsumer } from '../../../../scripts/lib/consumer-programs.mjs';
