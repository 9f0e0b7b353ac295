// `npm start`: the demo. Serves the vanilla example on 127.0.0.1.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['examples/vanilla/serve.mjs'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
