/**
 * Provider bindings a shop installs only for the clouds it uses are optional peer
 * dependencies (package.json `peerDependenciesMeta`): npm does not install them. The cloud
 * that needs one checks for it before loading its adapters, so that a missing one is named
 * with the command that installs it, not reported as a module a file deep inside the
 * library could not find.
 */
export function requireOptionalPeer(packageName: string, version: string, neededBy: string): void {
  try {
    require.resolve(`${packageName}/package.json`);
  } catch {
    throw new Error(`${neededBy} needs ${packageName}, an optional peer dependency of multicloud-bookstore installed only by shops that use it: npm install ${packageName}@${version}`);
  }
}
