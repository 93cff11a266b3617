// Keeps the public API under review: API Extractor reads the built declarations of each entry
// point (., ./node, ./testing, and one ./standards/<id> for all of them) and compares them with the reports checked in under api/. Run by
// `npm test`, it fails when the surface changed and the report was not updated; `npm run api`
// (with --local) rewrites the reports, so that the change shows as a diff to review.
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const local = process.argv.includes('--local');
const entries = [
  ['index', 'facility-standards'],
  ['node', 'facility-standards-node'],
  ['testing', 'facility-standards-testing'],
  // Every standard's own module (./standards/<id>) has this surface; test/api.test.ts holds them to it.
  ['standards/changzhi/village-clinic', 'facility-standards-standards'],
];

let failed = 0;
for (const [entry, report] of entries) {
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: `<projectFolder>/dist/${entry}.d.ts`,
      bundledPackages: [],
      compiler: {
        overrideTsconfig: {
          compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022', 'DOM'], types: ['node'], strict: true, skipLibCheck: true },
          files: [`dist/${entry}.d.ts`],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${report}.api.md`,
        reportFolder: '<projectFolder>/api/',
        reportTempFolder: '<projectFolder>/.api/',
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning' },
          // Release tags (@public, @beta) are not used: what an entry exports is public.
          'ae-missing-release-tag': { logLevel: 'none' },
          'ae-undocumented': { logLevel: 'none' },
          // A type used in a public signature must be exported too. The testing kit's and the
          // standard modules' signatures use the core's types, exported by `.`: listed in their
          // reports, not an error.
          'ae-forgotten-export': entry === 'testing' || entry.startsWith('standards/') ? { logLevel: 'none', addToApiReportFile: true } : { logLevel: 'error', addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(root, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: local,
    showVerboseMessages: false,
    messageCallback(message) {
      if (message.logLevel === ExtractorLogLevel.Info || message.logLevel === ExtractorLogLevel.Verbose) message.handled = true;
    },
  });
  if (!result.succeeded) {
    failed++;
    console.error(
      result.apiReportChanged && !local
        ? `api-report: the public API of ${entry === 'index' ? '.' : `./${entry}`} changed: review it and run \`npm run api\` to update api/${report}.api.md`
        : `api-report: ${entry}: ${result.errorCount} errors, ${result.warningCount} warnings`,
    );
  } else if (result.apiReportChanged) console.log(`api-report: api/${report}.api.md updated`);
}
process.exit(failed === 0 ? 0 : 1);
