/** How Terraform names become TypeScript names in the bindings, as cdktf's own generator names them. */

/** `storage_account_id` -> `storageAccountId`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `storage_account_id` -> `StorageAccountId`. */
export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `storage_account` -> `storage-account`. */
export function kebabCase(name: string): string {
  return name.replace(/_/g, '-');
}

/**
 * Members of cdktf's base classes that an argument's getter would hide: the generator refuses to write such a
 * binding rather than rename silently (none of the schema's names collide today).
 */
export const RESERVED_MEMBERS = new Set([
  // TerraformElement, TerraformResource, TerraformDataSource, TerraformProvider, Construct
  'node',
  'stack',
  'fqn',
  'friendlyUniqueId',
  'terraformResourceType',
  'terraformGeneratorMetadata',
  'terraformMetaArguments',
  'terraformProviderSource',
  'rawOverrides',
  'dependsOn',
  'count',
  'provider',
  'lifecycle',
  'forEach',
  'provisioners',
  'connection',
  'alias',
  'metaAttributes',
  'configured',
  'cdktfStack',
  // ComplexObject, ComplexList
  'terraformResource',
  'terraformAttribute',
  'complexObjectIndex',
  'complexObjectIsFromSet',
  'wrapsSet',
  'creationStack',
  'internalValue',
]);
