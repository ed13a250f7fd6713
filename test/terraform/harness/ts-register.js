// Lets `node -r ./ts-register.js app.ts` run a TypeScript cdktf app from source, as `cdktf.json`'s "app" does in
// the pipeline test: each file is transpiled on load (no type-check; that is `npm run typecheck`).
const { readFileSync } = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
