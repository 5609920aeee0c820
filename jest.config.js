// Jest runs our TypeScript as native ESM (node --experimental-vm-modules), as the ESM-only
// @actions/* packages require. Unit tests need no processes; integration tests (*.itg.test.ts)
// run against the real testbed brought up by scripts/testbed.
const tsJest = [
  'ts-jest',
  {
    useESM: true,
    tsconfig: {isolatedModules: true, module: 'NodeNext', moduleResolution: 'NodeNext'},
    diagnostics: {ignoreCodes: ['TS151001']}
  }
];
const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {'^(\\.{1,2}/.*)\\.js$': '$1'},
  transform: {'^.+\\.ts$': tsJest},
  testEnvironment: 'node'
};
export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.itg\\.test\\.ts$']
    },
    {...shared, displayName: 'integration', testMatch: ['<rootDir>/__tests__/**/*.itg.test.ts'], slowTestThreshold: 60}
  ],
  testTimeout: 600000
};
