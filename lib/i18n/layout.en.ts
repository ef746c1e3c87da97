// English for the responsive shell and the folding filter bars (#15 item 9). Spread into `en`.
export const layoutEn = {
  "layout.menu": "Menu",
  "layout.filters": "Filters",
  "layout.filtersActive": "{count} set",
  "layout.preferences": "Display",
};
