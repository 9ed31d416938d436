// Stand-in for office-addin-manifest under jest: its ESM-only dependency cannot be loaded by jest
// (design.md §7). office-addin-mock only needs the module to exist.
module.exports = {};
