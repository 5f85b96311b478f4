import { DEAL_SORTS } from '../../../shared/contract/filings/deals';
import { FIGURES_SORTS } from '../../../shared/contract/filings/figures';
import { PLEDGE_SORTS } from '../../../shared/contract/filings/pledges';
import { REGISTRATION_SORTS } from '../../../shared/contract/filings/registrations';
import { SUBSIDY_SORTS } from '../../../shared/contract/filings/subsidies';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract/index';
import { call } from '../../transport/desk';
import type { KindKey, ListRow } from './kinds';

type Verb = 'list' | 'get' | 'create' | 'update' | 'void' | 'restore';

/**
 * Each kind's methods by verb, spelled out as the contract names them: the compiler checks every name, and each
 * call's input and answer are the contract's own for that kind.
 */
const KIND_METHODS = {
  deals: {
    list: 'deals.list',
    get: 'deals.get',
    create: 'deals.create',
    update: 'deals.update',
    void: 'deals.void',
    restore: 'deals.restore',
  },
  pledges: {
    list: 'pledges.list',
    get: 'pledges.get',
    create: 'pledges.create',
    update: 'pledges.update',
    void: 'pledges.void',
    restore: 'pledges.restore',
  },
  registrations: {
    list: 'registrations.list',
    get: 'registrations.get',
    create: 'registrations.create',
    update: 'registrations.update',
    void: 'registrations.void',
    restore: 'registrations.restore',
  },
  figures: {
    list: 'figures.list',
    get: 'figures.get',
    create: 'figures.create',
    update: 'figures.update',
    void: 'figures.void',
    restore: 'figures.restore',
  },
  subsidies: {
    list: 'subsidies.list',
    get: 'subsidies.get',
    create: 'subsidies.create',
    update: 'subsidies.update',
    void: 'subsidies.void',
    restore: 'subsidies.restore',
  },
} as const satisfies Record<KindKey, Record<Verb, MethodName>>;

/** The contract method of one kind and verb (`KindMethod<'deals', 'get'>` is `'deals.get'`). */
export type KindMethod<K extends KindKey, V extends Verb> = (typeof KIND_METHODS)[K][V];

/** What a kind's record form sends, and what its detail answers. */
export type KindRecord<K extends KindKey> = MethodInput<KindMethod<K, 'create'>>;
export type KindDetail<K extends KindKey> = MethodOutput<KindMethod<K, 'get'>>;

/** The contract method of one kind and verb, to read through the data layer (`useCall(kindMethod(kind, 'get'), …)`). */
export function kindMethod<K extends KindKey, V extends Verb>(kind: K, verb: V): KindMethod<K, V> {
  return KIND_METHODS[kind][verb];
}

/**
 * Calls one kind's method for a verb. Where the kind is one of several (a screen serving every kind), the input must
 * fit that verb's input of some kind: get, void and restore take the same input whatever the kind.
 */
export function callKind<K extends KindKey, V extends Verb>(
  kind: K,
  verb: V,
  input: MethodInput<KindMethod<K, V>>,
): Promise<MethodOutput<KindMethod<K, V>>> {
  return call(kindMethod(kind, verb), input);
}

/** A record form's calls: load the record it edits, save a new one or (with `id`) a new version of it. */
interface FormCalls<K extends KindKey> {
  load: (id: string) => Promise<KindDetail<K>>;
  save: (record: KindRecord<K>, id: string | undefined) => Promise<MethodOutput<KindMethod<K, 'create'>>>;
}

/**
 * The form calls of each kind, for the form code that knows its kind only as a type parameter (where the compiler
 * cannot tell which kind's input a call takes, a table indexed by the kind can).
 */
export const FORM_CALLS: { [K in KindKey]: FormCalls<K> } = {
  deals: {
    load: (id) => call('deals.get', { id }),
    save: (record, id) => (id ? call('deals.update', { id, record }) : call('deals.create', record)),
  },
  pledges: {
    load: (id) => call('pledges.get', { id }),
    save: (record, id) => (id ? call('pledges.update', { id, record }) : call('pledges.create', record)),
  },
  registrations: {
    load: (id) => call('registrations.get', { id }),
    save: (record, id) => (id ? call('registrations.update', { id, record }) : call('registrations.create', record)),
  },
  figures: {
    load: (id) => call('figures.get', { id }),
    save: (record, id) => (id ? call('figures.update', { id, record }) : call('figures.create', record)),
  },
  subsidies: {
    load: (id) => call('subsidies.get', { id }),
    save: (record, id) => (id ? call('subsidies.update', { id, record }) : call('subsidies.create', record)),
  },
};

/** The filters of every kind's list together; a kind's list takes its own and passes the others by. */
export type ListFilters = Omit<
  MethodInput<'deals.list'> & MethodInput<'registrations.list'>,
  'sort' | 'direction' | 'limit' | 'cursor'
>;

export interface ListQuery {
  filters: ListFilters;
  /** A sort key from the kind's columns; none, or one the kind does not know, leaves core its default order. */
  sort?: string;
  direction?: 'asc' | 'desc';
  limit: number;
  cursor?: string | null;
}

export interface ListPage {
  rows: ListRow[];
  nextCursor: string | null;
  /** Every matching row, on the first page. */
  total: number | null;
}

/** The key if the list knows it as a sort. */
const sortIn = <S extends string>(sorts: readonly S[], key: string | undefined): S | undefined =>
  sorts.find((s) => s === key);

/** One page of a kind's list (the lists and the search box serve every kind with the same screen). */
export function listKind(kind: KindKey, { filters, sort, ...page }: ListQuery): Promise<ListPage> {
  switch (kind) {
    case 'deals':
      return call('deals.list', { ...filters, ...page, sort: sortIn(DEAL_SORTS, sort) });
    case 'pledges':
      return call('pledges.list', { ...filters, ...page, sort: sortIn(PLEDGE_SORTS, sort) });
    case 'registrations':
      return call('registrations.list', { ...filters, ...page, sort: sortIn(REGISTRATION_SORTS, sort) });
    case 'figures':
      return call('figures.list', { ...filters, ...page, sort: sortIn(FIGURES_SORTS, sort) });
    case 'subsidies':
      return call('subsidies.list', { ...filters, ...page, sort: sortIn(SUBSIDY_SORTS, sort) });
  }
}
