import * as cdktf from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { ArgumentSchema } from './argument-schema';
import { ConfiguredValues, renderHcl, renderJson } from './render';

/** The provider a binding belongs to: what its provider block declares in `required_providers`. */
export interface ProviderFamily {
  /** The local name, e.g. `azurerm`. */
  readonly providerName: string;
  /** The source address, e.g. `hashicorp/time` (`azurerm` is read as `hashicorp/azurerm`). */
  readonly source: string;
  /** The versions the bindings were generated for. */
  readonly versionConstraint: string;
  /** Called when a resource or data source of the provider is created, e.g. to set the stack's version constraint. */
  readonly onElementCreated?: (element: IConstruct) => void;
}

/** What a generated binding class passes to its base: its Terraform type, provider and argument schema. */
export interface BindingType {
  readonly terraformType: string;
  readonly family: ProviderFamily;
  readonly schema: ArgumentSchema;
}

const RESOURCE_META = ['dependsOn', 'count', 'provider', 'lifecycle', 'forEach', 'provisioners', 'connection'] as const;
const DATA_SOURCE_META = ['dependsOn', 'count', 'provider', 'lifecycle', 'forEach'] as const;

/** The configured arguments, without cdktf's meta-arguments (which the base classes pass on). */
function argumentsOf(config: object, meta: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = { ...config };
  for (const key of meta) delete values[key];
  return values;
}

function metadataOf(family: ProviderFamily): cdktf.TerraformProviderGeneratorMetadata {
  return { providerName: family.providerName, providerVersionConstraint: family.versionConstraint };
}

/** What cdktf's resource and data source base classes take: the type, the provider metadata, the meta-arguments. */
function elementConfig(type: BindingType, config: cdktf.TerraformMetaArguments) {
  const { provider, dependsOn, count, lifecycle, forEach } = config;
  return {
    terraformResourceType: type.terraformType,
    terraformGeneratorMetadata: metadataOf(type.family),
    ...{ provider, dependsOn, count, lifecycle, forEach },
  };
}

/**
 * The base of every generated resource binding: meta-arguments handled by cdktf, the arguments kept as configured
 * (setters and `reset` methods of the binding change them) and rendered from the generated schema.
 */
export abstract class BindingResource extends cdktf.TerraformResource {
  /** The arguments as configured, by their TypeScript names. */
  protected readonly configured: Record<string, unknown>;
  private readonly argumentSchema: ArgumentSchema;

  protected constructor(scope: Construct, id: string, type: BindingType, config: cdktf.TerraformMetaArguments) {
    super(scope, id, { ...elementConfig(type, config), provisioners: config.provisioners, connection: config.connection });
    this.argumentSchema = type.schema;
    this.configured = argumentsOf(config, RESOURCE_META);
    type.family.onElementCreated?.(this);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderJson(this.argumentSchema, this.configured as ConfiguredValues);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHcl(this.argumentSchema, this.configured as ConfiguredValues);
  }
}

/** The base of every generated data source binding; cdktf's data source class is not a resource, so this repeats it. */
export abstract class BindingDataSource extends cdktf.TerraformDataSource {
  /** The arguments as configured, by their TypeScript names. */
  protected readonly configured: Record<string, unknown>;
  private readonly argumentSchema: ArgumentSchema;

  protected constructor(scope: Construct, id: string, type: BindingType, config: cdktf.TerraformMetaArguments) {
    super(scope, id, elementConfig(type, config));
    this.argumentSchema = type.schema;
    this.configured = argumentsOf(config, DATA_SOURCE_META);
    type.family.onElementCreated?.(this);
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderJson(this.argumentSchema, this.configured as ConfiguredValues);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHcl(this.argumentSchema, this.configured as ConfiguredValues);
  }
}

/** The configuration every provider binding takes besides its arguments. */
export interface BindingProviderConfig {
  /** `alias`: the name other elements use to pick this provider configuration. */
  readonly alias?: string;
}

/** The base of every generated provider binding; `required_providers` gets the family's source and constraint. */
export abstract class BindingProvider extends cdktf.TerraformProvider {
  /** The arguments as configured, by their TypeScript names (`alias` included: cdktf renders it as a meta-argument). */
  protected readonly configured: Record<string, unknown>;
  private readonly argumentSchema: ArgumentSchema;

  protected constructor(scope: Construct, id: string, type: BindingType, config: BindingProviderConfig) {
    super(scope, id, {
      terraformResourceType: type.terraformType,
      terraformGeneratorMetadata: metadataOf(type.family),
      terraformProviderSource: type.family.source,
    });
    this.argumentSchema = type.schema;
    this.configured = { ...config };
  }

  /** `alias`: the name other elements use to pick this provider configuration. */
  public get alias(): string | undefined {
    return this.configured.alias as string | undefined;
  }
  public set alias(value: string | undefined) {
    this.configured.alias = value;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return renderJson(this.argumentSchema, this.configured as ConfiguredValues);
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return renderHcl(this.argumentSchema, this.configured as ConfiguredValues);
  }
}
