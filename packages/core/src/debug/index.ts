// `@spoor/core/debug`: the wording of Spoor's console diagnostics. A tracker loads it with
// `import()` the first time debugging is on and something is worth printing, and the HTTP
// transport for a refused batch's reason in the server's words; apps need not import it.

export { refusal } from '../transports/refusal';
export { describeIgnored, describeProblem } from './format';
export { hintFor } from './hints';
