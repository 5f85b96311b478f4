import type { TableSpec } from './recordWriter';

const record = { key: 'id', hasCreatedAt: true } as const;

export const ORGANIZATIONS: TableSpec = {
  ...record,
  table: 'organizations',
  entity: 'organization',
  hasCreatedBy: false,
  hasUpdatedBy: false,
};
export const PATENTS: TableSpec = {
  table: 'patents',
  entity: 'patent',
  key: 'number',
  hasCreatedAt: false,
  hasCreatedBy: false,
  hasUpdatedBy: false,
};
export const DEALS: TableSpec = { ...record, table: 'deals', entity: 'deal', hasCreatedBy: true, hasUpdatedBy: true };
export const PAYMENTS: TableSpec = {
  ...record,
  table: 'payments',
  entity: 'payment',
  hasCreatedBy: false,
  hasUpdatedBy: false,
};
export const PLEDGES: TableSpec = {
  ...record,
  table: 'pledges',
  entity: 'pledge',
  hasCreatedBy: true,
  hasUpdatedBy: false,
};
export const REGISTRATIONS: TableSpec = {
  ...record,
  table: 'product_registrations',
  entity: 'registration',
  hasCreatedBy: true,
  hasUpdatedBy: false,
};
export const FIGURES: TableSpec = {
  ...record,
  table: 'enterprise_figures',
  entity: 'enterprise_figure',
  hasCreatedBy: false,
  hasUpdatedBy: false,
};
export const SUBSIDIES: TableSpec = {
  ...record,
  table: 'subsidies',
  entity: 'subsidy',
  hasCreatedBy: true,
  hasUpdatedBy: false,
};

/** The voidable records by the entity name the contract uses. */
export const VOIDABLE = {
  deal: DEALS,
  payment: PAYMENTS,
  pledge: PLEDGES,
  registration: REGISTRATIONS,
  enterprise_figure: FIGURES,
  subsidy: SUBSIDIES,
  organization: ORGANIZATIONS,
} as const;
export type VoidableEntity = keyof typeof VOIDABLE;
