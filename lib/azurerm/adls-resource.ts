import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { ArgumentSchema, renderHcl, renderJson, TerraformValues } from './attributes';
import { AZURERM_GENERATOR_METADATA, requireAzurermVersion } from './version';

/**
 * What the hand-written ADLS bindings share: meta-arguments passed through as generated bindings do,
 * rendering from one argument schema, and the stack's azurerm version constraint.
 */
export abstract class AzurermAdlsResource<Config extends cdktf.TerraformMetaArguments> extends cdktf.TerraformResource {
  /** The arguments as configured (camelCase). */
  public readonly config: Config;

  protected constructor(scope: Construct, id: string, terraformResourceType: string, config: Config) {
    super(scope, id, {
      terraformResourceType,
      terraformGeneratorMetadata: AZURERM_GENERATOR_METADATA,
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach,
    });
    this.config = config;
    requireAzurermVersion(this);
  }

  /** The resource's arguments and their types, keyed by Terraform name. */
  protected abstract get schema(): ArgumentSchema;

  /** The configured values, keyed by Terraform name. */
  protected abstract values(): TerraformValues;

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderJson(this.schema, this.values());
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHcl(this.schema, this.values());
  }
}
