// Runs one tool as a child process and stops it when this process's standard input closes.
// The test fixtures and run scripts hold the other end of that pipe, so the tool ends however its
// owner ends (normal exit, Ctrl-C, a crash or a kill -9), and no Azurite or maildev is left behind.
'use strict';
const { spawn } = require('child_process');

const [, , command, ...args] = process.argv;
if (!command) {
  console.error('usage: node guard.js <command> [args...]');
  process.exit(2);
}

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;

function stop() {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    process.exit(0);
  }, 8000).unref();
}

process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
child.on('error', (err) => { console.error(`guard: ${command}: ${err.message}`); process.exit(1); });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
