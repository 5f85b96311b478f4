import { z } from 'zod';
import { authMethods } from './auth';
import { usersMethods } from './users';
import { systemMethods } from './system';
import { filingsMethods } from './filings';
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
