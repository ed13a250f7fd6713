import { ITerraformDependable, Lazy, TerraformResource, TerraformStack } from 'cdktf';

/**
 * Sets `resource.dependsOn` (cdktf's own public property) to the literal addresses of `dependencies`, produced when
 * synthesis resolves the list (so a logical ID of the wait or the instance overridden after construction still
 * counts; the role assignment's is fixed at construction, where the wait's `triggers` read its ID). cdktf's own entries,
 * from the `dependsOn` of a resource's config, are tokens that create a reference while the stack is resolved, each
 * recording a deep stack trace: for thousands of backups that was the largest single cost of synthesis
 * (bench/RESULTS.md). One lazy list is one token, made in the library's construction window, where tokens carry no
 * stack. Only when every dependency is a resource of the same stack, the only kind Terraform accepts; otherwise
 * cdktf's entries stay. Assigning `resource.dependsOn` afterwards still replaces the list; reading it gives a list
 * token, which cannot be added to (`[...dependsOn, x]` fails at synthesis).
 */
export function dependsOnByAddress(resource: TerraformResource, dependencies: readonly ITerraformDependable[]): void {
  const stack = TerraformStack.of(resource);
  const resources = dependencies.filter(
    (d): d is TerraformResource => TerraformResource.isTerraformResource(d) && TerraformStack.of(d) === stack,
  );
  if (resources.length === 0 || resources.length !== dependencies.length) return;
  resource.dependsOn = Lazy.listValue({
    produce: () => resources.map((d) => `${d.terraformResourceType}.${d.friendlyUniqueId}`),
  });
}
