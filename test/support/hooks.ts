// Global mocha hooks: keep test output free of the hub's JSON logs unless asked for.
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
