// Stand-in for office-addin-manifest under jest: its ESM-only dependency cannot be loaded by jest
// (design.md §7). office-addin-mock only uses its OfficeApp enum (to tell Outlook apart), copied here.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
