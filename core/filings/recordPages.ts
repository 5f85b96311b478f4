/** Where each kind of record opens in the desk (the renderer's filings pages own these routes), and its table. */
export const RECORD_PAGES: Readonly<Record<string, { route: string; table: string }>> = {
  deal: { route: '/filings/deals', table: 'deals' },
  pledge: { route: '/filings/pledges', table: 'pledges' },
  registration: { route: '/filings/registrations', table: 'product_registrations' },
  subsidy: { route: '/filings/subsidies', table: 'subsidies' },
  enterprise_figure: { route: '/filings/figures', table: 'enterprise_figures' },
};

/** The desk link of a record, or null for a kind without a page of its own (organizations, patents, payments). */
export function recordLink(entity: string, id: string): string | null {
  const page = RECORD_PAGES[entity];
  return page ? `${page.route}/${encodeURIComponent(id)}` : null;
}
