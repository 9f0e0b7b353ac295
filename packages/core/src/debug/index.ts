// `@spoor/core/debug`: the wording of Spoor's console diagnostics. A tracker loads it with
// `import()` the first time debugging is on and something is worth printing; apps need not import it.
export { describeIgnored, describeProblem } from './format';
export { hintFor } from './hints';
