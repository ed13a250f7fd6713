// The provider's RPCs: schema, validation, configuration, plan, apply, read, import and data sources, for one
// provider (azurerm or time) at one version. Terraform starts one process per provider configuration, so the
// configured subscription is this process's.
import type { ProviderSchema, SchemaBlock } from '../../../codegen/terraform-schema';
import { appliedState, firstAt, plannedState, replacePaths } from './plan';
import { rulesFor } from './rules';
import type { TypeRules, Value } from './rules/rule';
import { protoBlock } from './schema';
import type { ProviderName } from './schema';
import { applies, customProblems, validateConfig } from './validate';
import type { Problem } from './validate';
import { blockType, decodeValue, encodeValue, fromStateJson, isObject } from './values';
import type { ObjectValue } from './values';
import { importResource, loadWorld, readDataSource } from './world';

interface DynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

interface Diagnostic {
  severity: number;
  summary: string;
  detail: string;
  attribute?: { steps: object[] };
}

const ERROR = 1;

function diagnostics(problems: readonly Problem[]): Diagnostic[] {
  return problems.map((p) => ({
    severity: ERROR,
    summary: p.summary,
    detail: '',
    ...(p.path.length > 0 ? { attribute: { steps: p.path } } : {}),
  }));
}

function fail(summary: string): Diagnostic[] {
  return [{ severity: ERROR, summary, detail: '' }];
}

// A subscription when the configuration and ARM_SUBSCRIPTION_ID give none (the provider rules refuse that case).
const NO_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

export class StandInProvider {
  private subscription = NO_SUBSCRIPTION;
  private readonly world = loadWorld();

  constructor(
    private readonly name: ProviderName,
    private readonly version: string,
    private readonly schema: ProviderSchema,
  ) {}

  private resource(type: string): SchemaBlock {
    const block = this.schema.resources[type];
    if (!block) throw new Error(`${this.name} ${this.version} has no resource type ${type}`);
    return block;
  }

  private dataSource(type: string): SchemaBlock {
    const block = this.schema.dataSources[type];
    if (!block) throw new Error(`${this.name} ${this.version} has no data source ${type}`);
    return block;
  }

  private encode(value: Value, block: SchemaBlock): DynamicValue {
    return { msgpack: encodeValue(value, blockType(block)) };
  }

  private rules(kind: TypeRules['kind'], type: string): TypeRules | undefined {
    return rulesFor(this.name, kind, type);
  }

  getMetadata() {
    return {
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
      diagnostics: [],
      resources: Object.keys(this.schema.resources).map((type_name) => ({ type_name })),
      data_sources: Object.keys(this.schema.dataSources).map((type_name) => ({ type_name })),
    };
  }

  getProviderSchema() {
    const entries = (blocks: Readonly<Record<string, SchemaBlock>>) =>
      Object.fromEntries(Object.entries(blocks).map(([type, block]) => [type, { version: 0, block: protoBlock(block) }]));
    return {
      provider: { version: 0, block: protoBlock(this.schema.provider) },
      resource_schemas: entries(this.schema.resources),
      data_source_schemas: entries(this.schema.dataSources),
      diagnostics: [],
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
    };
  }

  validateProviderConfig(req: { config?: DynamicValue }) {
    const config = decodeValue(req.config?.msgpack);
    return { diagnostics: diagnostics(validateConfig(this.rules('provider', 'provider'), config, this.version)) };
  }

  validateResourceConfig(req: { type_name: string; config?: DynamicValue }) {
    const config = decodeValue(req.config?.msgpack);
    return { diagnostics: diagnostics(validateConfig(this.rules('resource', req.type_name), config, this.version)) };
  }

  validateDataResourceConfig(req: { type_name: string; config?: DynamicValue }) {
    const config = decodeValue(req.config?.msgpack);
    return { diagnostics: diagnostics(validateConfig(this.rules('data', req.type_name), config, this.version)) };
  }

  configureProvider(req: { config?: DynamicValue }) {
    const config = decodeValue(req.config?.msgpack);
    const problems = customProblems(this.rules('provider', 'provider'), config, this.version);
    const configured = isObject(config) && typeof config.subscription_id === 'string' ? config.subscription_id : '';
    this.subscription = configured || process.env.ARM_SUBSCRIPTION_ID || NO_SUBSCRIPTION;
    return { diagnostics: diagnostics(problems) };
  }

  upgradeResourceState(req: { type_name: string; raw_state?: { json?: Uint8Array } }) {
    const block = this.resource(req.type_name);
    const state = req.raw_state?.json && req.raw_state.json.length > 0 ? fromStateJson(req.raw_state.json) : null;
    return { upgraded_state: this.encode(state, block), diagnostics: [] };
  }

  readResource(req: { type_name: string; current_state?: DynamicValue; private?: Uint8Array }) {
    // Nothing changes outside Terraform in the stand-in's world: the state is what Azure would answer.
    const block = this.resource(req.type_name);
    return { new_state: this.encode(decodeValue(req.current_state?.msgpack), block), diagnostics: [], private: req.private };
  }

  planResourceChange(req: {
    type_name: string;
    prior_state?: DynamicValue;
    proposed_new_state?: DynamicValue;
    config?: DynamicValue;
  }) {
    const block = this.resource(req.type_name);
    const prior = decodeValue(req.prior_state?.msgpack);
    const proposed = decodeValue(req.proposed_new_state?.msgpack);
    const config = decodeValue(req.config?.msgpack);
    if (proposed === null) return { planned_state: this.encode(null, block), requires_replace: [], diagnostics: [] };
    const rules = this.rules('resource', req.type_name);
    const problems = customProblems(rules, config, this.version);
    if (problems.length > 0) return { diagnostics: diagnostics(problems) };
    const planned = plannedState(block, proposed, config, prior === null);
    const forceNew = (rules?.forceNew ?? []).filter(
      (f) => applies(f, this.version) && (f.when === undefined || f.when(firstAt(prior, f.path), firstAt(planned, f.path))),
    );
    const requiresReplace =
      prior === null
        ? []
        : replacePaths(
            block,
            forceNew.map((f) => f.path),
            prior,
            planned,
          ).map((steps) => ({ steps }));
    return { planned_state: this.encode(planned, block), requires_replace: requiresReplace, diagnostics: [] };
  }

  applyResourceChange(req: { type_name: string; planned_state?: DynamicValue; planned_private?: Uint8Array }) {
    const block = this.resource(req.type_name);
    const planned = decodeValue(req.planned_state?.msgpack);
    if (!isObject(planned)) return { new_state: this.encode(null, block), diagnostics: [] }; // a destroy
    const state = appliedState(req.type_name, block, planned, this.subscription);
    return { new_state: this.encode(state, block), private: req.planned_private, diagnostics: [] };
  }

  importResourceState(req: { type_name: string; id: string }) {
    const block = this.resource(req.type_name);
    const result = importResource(this.world, req.type_name, block, req.id);
    if ('error' in result) return { imported_resources: [], diagnostics: fail(result.error) };
    return { imported_resources: [{ type_name: req.type_name, state: this.encode(result.state, block) }], diagnostics: [] };
  }

  readDataSource(req: { type_name: string; config?: DynamicValue }) {
    const block = this.dataSource(req.type_name);
    const config = decodeValue(req.config?.msgpack);
    const result = readDataSource(
      this.world,
      req.type_name,
      block,
      isObject(config) ? (config as ObjectValue) : {},
      this.subscription,
    );
    if ('error' in result) return { diagnostics: fail(result.error) };
    return { state: this.encode(result.state, block), diagnostics: [] };
  }
}
