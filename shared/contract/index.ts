import { z } from 'zod';
import { authMethods } from './auth';
import { usersMethods } from './users';
import { systemMethods } from './system';
import { dealsMethods } from './filings/deals';
import { pledgesMethods } from './filings/pledges';
import { registrationsMethods } from './filings/registrations';
import { figuresMethods } from './filings/figures';
import { subsidiesMethods } from './filings/subsidies';
import { partiesMethods } from './filings/parties';
import { patentsMethods } from './filings/patents';
import { draftsMethods } from './filings/drafts';
import { attachmentsMethods } from './filings/attachments';
import { indicatorsMethods } from './indicators';
import { syncMethods } from './sync';
import { backupMethods } from './backup';
import { rulesMethods } from './rules';
import { importingMethods } from './importing';
import { exportingMethods } from './exporting';
import { matchingMethods } from './matching';
import { bulletinMethods } from './bulletin';
import { provinceReviewMethods } from './provinceReview';
import { provinceTargetsMethods } from './provinceTargets';
import { provinceNoticesMethods } from './provinceNotices';
import { provinceHomeMethods } from './provinceHome';
import { provinceMatchingMethods } from './provinceMatching';
import { provinceInstallationsMethods } from './provinceInstallations';

// Every schema's default messages in Chinese, in core and in the renderer's forms alike.
z.config(z.locales.zhCN());

/**
 * The filings (DOMAIN.md §6), implemented in core/filings: a file in filings/ per method prefix, named as it and as
 * its file in core/filings (deals.* in filings/deals.ts ↔ core/filings/deals.ts).
 */
export const filingsMethods = {
  ...dealsMethods,
  ...pledgesMethods,
  ...registrationsMethods,
  ...figuresMethods,
  ...subsidiesMethods,
  ...partiesMethods,
  ...patentsMethods,
  ...draftsMethods,
  ...attachmentsMethods,
};

/**
 * The one service contract. Every capability declares its methods in its own file here and is spread in once;
 * core implements each (a compile error names a missing handler), preload and the HTTP client expose each.
 */
export const contract = {
  ...systemMethods,
  ...authMethods,
  ...usersMethods,
  ...filingsMethods,
  ...indicatorsMethods,
  ...syncMethods,
  ...backupMethods,
  ...importingMethods,
  ...exportingMethods,
  ...rulesMethods,
  ...matchingMethods,
  ...bulletinMethods,
  ...provinceReviewMethods,
  ...provinceTargetsMethods,
  ...provinceNoticesMethods,
  ...provinceHomeMethods,
  ...provinceMatchingMethods,
  ...provinceInstallationsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may pass (before zod defaults and transforms). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
/** What core receives after parsing. */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Contract[K]['output']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
