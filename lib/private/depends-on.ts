import { ITerraformDependable, TerraformResource, TerraformStack } from 'cdktf';

/**
 * Renders `resource`'s `depends_on` as the literal addresses of `dependencies`, read when synthesis first asks (so a
 * logical ID overridden after construction still counts). cdktf's own entries are tokens that create a reference
 * while the stack is resolved, each recording a deep stack trace: for thousands of backups that was the largest
 * single cost of synthesis (bench/RESULTS.md). Only when every dependency is a resource of the same stack, the only
 * kind Terraform accepts; otherwise cdktf's tokens stay. Assigning `resource.dependsOn` still replaces the list.
 * Reading the list before synthesis fixes the dependencies' logical IDs then, as reading `fqn` does in cdktf: an
 * `overrideLogicalId` after that is not seen.
 */
export function dependsOnByAddress(resource: TerraformResource, dependencies: readonly ITerraformDependable[]): void {
  const stack = TerraformStack.of(resource);
  const resources = dependencies.filter(
    (d): d is TerraformResource => TerraformResource.isTerraformResource(d) && TerraformStack.of(d) === stack,
  );
  if (resources.length === 0 || resources.length !== dependencies.length) return;
  let addresses: string[] | undefined;
  Object.defineProperty(resource, 'dependsOn', {
    configurable: true,
    enumerable: true,
    get: () => (addresses ??= resources.map((d) => `${d.terraformResourceType}.${d.friendlyUniqueId}`)),
    set: (value: string[] | undefined) =>
      Object.defineProperty(resource, 'dependsOn', { value, writable: true, configurable: true, enumerable: true }),
  });
}
