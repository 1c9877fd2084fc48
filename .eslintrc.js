// Not the lint configuration (that is eslint.config.mjs). import-x/no-unused-modules still reads the
// files to ignore from a legacy config file and refuses to run without one.
module.exports = { ignorePatterns: ['dist/', 'node_modules/', 'artifacts/', 'coverage/', 'data/'] };
