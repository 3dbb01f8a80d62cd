/**
 * ConsoleLab: a small simulated AWS Management Console in a lesson. It has the IAM Create role
 * wizard (trusted entity and use case → permissions from the AWS managed-policy catalog → name
 * and description → review with the trust policy it generates → the role's page) and the EC2
 * Launch instance form with the IAM instance profile under Advanced details.
 *
 * Every action is an API call through the simulator's `callAws`, signed as the IAM user
 * `admin`, so the console changes the same simulated world the CLI does and errors come back
 * as AWS words them. The simulator loads when the island first appears on screen; the world
 * is saved in localStorage, so a reload keeps it, and Reset starts over.
 *
 * After every change the island also dispatches `rolelab:console-change` on `window` with the
 * roles, instance profiles and instances it holds, for anything else on the page to show.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  DESCRIPTION_MAX,
  IMAGES,
  INSTANCE_TYPES,
  USE_CASES,
  consoleTrustPolicy,
  createRoleCalls,
  descriptionProblem,
  filterPolicies,
  instanceNameProblem,
  launchCall,
  modifyRoleCalls,
  roleNameProblem,
  useCaseById,
} from './wizard.ts';
import type { LaunchDraft } from './wizard.ts';
import { CONSOLE_ACCOUNT, CONSOLE_USER, CONSOLE_USERS } from './seed.ts';
import type * as RuntimeModule from './runtime.ts';
import './ConsoleLab.css';

type Runtime = typeof RuntimeModule;
type State = RuntimeModule.ConsoleState;

/** Loads the simulator once per page, whichever console asks first. */
let runtimeLoading: Promise<Runtime> | undefined;
function loadRuntime(): Promise<Runtime> {
  runtimeLoading ??= import('./runtime.ts');
  return runtimeLoading;
}

export interface ConsoleLabProps {
  /** Unique on the site: names the saved console (lowercase words joined by hyphens). */
  id: string;
  /** The accessible name of the whole console. */
  label?: string;
}

type Page =
  | { kind: 'roles' }
  | { kind: 'wizard' }
  | { kind: 'role'; name: string }
  | { kind: 'instances' }
  | { kind: 'launch' }
  | { kind: 'modify'; instanceId: string };

const STEPS = [
  'Select trusted entity',
  'Add permissions',
  'Name and description',
  'Review and create',
] as const;

/** Whether a value is an AWS error rather than data. */
function isError(v: unknown): v is RuntimeModule.AwsError {
  return typeof v === 'object' && v !== null && 'code' in v && 'message' in v && !Array.isArray(v);
}

/** An error as the console shows it: a red alert with the code and AWS's message. */
function ErrorAlert({ error, title }: { error: RuntimeModule.AwsError; title: string }) {
  return (
    <div class="con-alert con-alert-error" role="alert">
      <p class="con-alert-title">
        <span aria-hidden="true">✗ </span>
        {title}
      </p>
      <p>
        <code>{error.code}</code>: {error.message}
      </p>
    </div>
  );
}

export default function ConsoleLab({ id, label = 'Simulated AWS console' }: ConsoleLabProps) {
  const storageKey = `rolelab-console:${id}`;
  const [rt, setRt] = useState<Runtime | null>(null);
  const state = useRef<State | null>(null);
  const [version, setVersion] = useState(0);
  const [loadError, setLoadError] = useState('');
  const [page, setPage] = useState<Page>({ kind: 'roles' });
  const [status, setStatus] = useState('');
  const pageHeading = useRef<HTMLHeadingElement>(null);
  const moveFocus = useRef(false);

  // Wizard fields survive moving between steps; they reset when a new wizard starts.
  const [step, setStep] = useState(0);
  const [useCase, setUseCase] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [roleName, setRoleName] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState<Record<number, boolean>>({});
  const [createError, setCreateError] = useState<RuntimeModule.AwsError | null>(null);
  const [busy, setBusy] = useState(false);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstInvalid = useRef<HTMLElement | null>(null);

  const [launch, setLaunch] = useState<LaunchDraft>({
    name: '',
    imageId: IMAGES[0]?.id ?? '',
    instanceType: INSTANCE_TYPES[0] ?? 't2.micro',
    instanceProfile: '',
    httpTokens: 'required',
  });
  const [launchError, setLaunchError] = useState<RuntimeModule.AwsError | null>(null);
  const [launchTried, setLaunchTried] = useState(false);
  const [roleTab, setRoleTab] = useState<'permissions' | 'trust'>('permissions');
  // Modify IAM role: the profile chosen for the instance, and the error of the last attempt.
  const [modifyChoice, setModifyChoice] = useState('');
  const [modifyError, setModifyError] = useState<RuntimeModule.AwsError | null>(null);

  useEffect(() => {
    let live = true;
    loadRuntime()
      .then((mod) => {
        if (!live) return;
        state.current = mod.loadState(storageKey).state;
        setRt(mod);
      })
      .catch((e: unknown) =>
        setLoadError(
          `The simulated AWS could not start: ${e instanceof Error ? e.message : String(e)}. Reload the page to try again.`,
        ),
      );
    return () => {
      live = false;
    };
    // Loads once per mount: the island hydrates when it scrolls into view.
  }, []);

  // Focus follows navigation, so keyboard and screen reader users land on what just appeared.
  useLayoutEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (page.kind === 'wizard' ? stepHeading.current : pageHeading.current)?.focus();
  }, [page, step]);

  const go = (next: Page): void => {
    moveFocus.current = true;
    setPage(next);
  };

  const s = state.current;
  // Read once per change, not per keystroke: each read is an API call the event log records.
  const views = useMemo(
    () =>
      rt !== null && s !== null
        ? { roles: rt.listRoles(s), profiles: rt.listProfiles(s), instances: rt.listInstances(s) }
        : { roles: [], profiles: [], instances: [] },
    [rt, s, version],
  );
  const { roles, profiles, instances } = views;
  const viewedRole = page.kind === 'role' ? page.name : '';
  const details = useMemo(
    () => (rt !== null && s !== null && viewedRole !== '' ? rt.roleDetails(s, viewedRole) : null),
    [rt, s, version, viewedRole],
  );

  /** Saves after a change and tells the page what the world now holds. */
  const changed = (): void => {
    if (rt === null || s === null) return;
    rt.saveState(storageKey, s);
    setVersion((v) => v + 1);
    const detail = {
      id,
      roles: rt.listRoles(s),
      instanceProfiles: rt.listProfiles(s),
      instances: rt.listInstances(s),
    };
    window.dispatchEvent(new CustomEvent('rolelab:console-change', { detail }));
  };

  const reset = (): void => {
    if (rt === null) return;
    rt.clearState(storageKey);
    state.current = rt.startState();
    setVersion((v) => v + 1);
    setStatus(
      'The console is back to its starting state: no roles, instance profiles or instances.',
    );
    go({ kind: 'roles' });
  };

  /** Signs the console in as another user: later calls are authorized as that user. */
  const switchUser = (name: string): void => {
    if (rt === null || s === null) return;
    s.user = name;
    setCreateError(null);
    setLaunchError(null);
    rt.saveState(storageKey, s);
    setVersion((v) => v + 1);
    setStatus(`Signed in as ${name}. Every action is now authorized as the IAM user ${name}.`);
  };

  const startWizard = (): void => {
    setStep(0);
    setUseCase('');
    setQuery('');
    setPicked([]);
    setRoleName('');
    setDescription('');
    setTried({});
    setCreateError(null);
    setStatus('');
    go({ kind: 'wizard' });
  };

  /** Picks a use case; the description follows it unless the learner has written their own. */
  const chooseUseCase = (value: string): void => {
    const before = useCaseById(useCase)?.description ?? '';
    if (description === '' || description === before)
      setDescription(useCaseById(value)?.description ?? '');
    setUseCase(value);
  };

  // ---- wizard validation -------------------------------------------------------------------
  const chosen = useCaseById(useCase);
  const existingNames = Array.isArray(roles) ? roles.map((r) => r.name) : [];
  const problems: Record<string, string | undefined> = {
    useCase: chosen === undefined ? 'Choose a service or use case.' : undefined,
    roleName: roleNameProblem(roleName, existingNames),
    description: descriptionProblem(description),
  };
  const stepFields: Record<number, string[]> = {
    0: ['useCase'],
    1: [],
    2: ['roleName', 'description'],
    3: [],
  };
  const shown = (field: string, forStep: number): string | undefined =>
    tried[forStep] === true ? problems[field] : undefined;

  const toStep = (next: number): void => {
    moveFocus.current = true;
    setStep(next);
    setPage({ kind: 'wizard' });
  };

  const nextStep = (): void => {
    const invalid = (stepFields[step] ?? []).filter((f) => problems[f] !== undefined);
    if (invalid.length > 0) {
      setTried({ ...tried, [step]: true });
      // The first field in error gets focus, so its message is read out with it.
      firstInvalid.current = document.getElementById(`${id}-${invalid[0] ?? ''}`);
      setTimeout(() => firstInvalid.current?.focus(), 0);
      return;
    }
    toStep(step + 1);
  };

  const createRole = (): void => {
    if (rt === null || s === null || chosen === undefined) return;
    setBusy(true);
    const result = rt.callAll(
      s,
      createRoleCalls({ useCase: chosen, policyArns: picked, name: roleName, description }),
    );
    setBusy(false);
    changed();
    if (!result.ok) {
      setCreateError(result.error);
      return;
    }
    setRoleTab('permissions');
    setStatus(`Role ${roleName} created.`);
    go({ kind: 'role', name: roleName });
  };

  const launchInstance = (e: Event): void => {
    e.preventDefault();
    if (rt === null || s === null) return;
    setLaunchTried(true);
    if (instanceNameProblem(launch.name) !== undefined) {
      document.getElementById(`${id}-instance-name`)?.focus();
      return;
    }
    const result = rt.callAll(s, [launchCall(launch)]);
    changed();
    if (!result.ok) {
      setLaunchError(result.error);
      return;
    }
    setLaunchError(null);
    setLaunchTried(false);
    const launched =
      (result.result['Instances'] as { InstanceId: string }[] | undefined)?.[0]?.InstanceId ?? '';
    setStatus(`Successfully initiated launch of instance ${launched}.`);
    go({ kind: 'instances' });
  };

  // ---- pages -------------------------------------------------------------------------------
  const heading = (text: string) => (
    <h3 class="con-h" tabIndex={-1} ref={pageHeading}>
      {text}
    </h3>
  );

  const rolesPage = () => (
    <section aria-labelledby={`${id}-page`}>
      <div class="con-head">
        <h3 class="con-h" id={`${id}-page`} tabIndex={-1} ref={pageHeading}>
          Roles
        </h3>
        <button
          type="button"
          class="con-btn con-primary"
          onClick={startWizard}
          disabled={rt === null}
        >
          Create role
        </button>
      </div>
      {isError(roles) ? (
        <ErrorAlert error={roles} title="The roles could not be listed" />
      ) : roles.length === 0 ? (
        <p class="con-empty">No roles yet. Choose Create role to make one.</p>
      ) : (
        <table class="con-table">
          <caption class="con-sr">Roles in account {CONSOLE_ACCOUNT}</caption>
          <thead>
            <tr>
              <th scope="col">Role name</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.name}>
                <td>
                  <button
                    type="button"
                    class="con-link"
                    onClick={() => go({ kind: 'role', name: r.name })}
                  >
                    {r.name}
                  </button>
                </td>
                <td>{r.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  const field = (name: string, forStep: number) => {
    const problem = shown(name, forStep);
    return {
      id: `${id}-${name}`,
      'aria-invalid': problem !== undefined ? ('true' as const) : undefined,
      'aria-describedby': [`${id}-${name}-hint`, problem !== undefined ? `${id}-${name}-error` : '']
        .filter((x) => x !== '')
        .join(' '),
    };
  };
  const fieldError = (name: string, forStep: number) => {
    const problem = shown(name, forStep);
    return problem === undefined ? null : (
      <p class="con-error" id={`${id}-${name}-error`}>
        <span aria-hidden="true">✗ </span>
        {problem}
      </p>
    );
  };

  const wizardStep = () => {
    if (step === 0) {
      return (
        <>
          <fieldset class="con-fieldset">
            <legend>Trusted entity type</legend>
            <label class="con-choice">
              <input type="radio" name={`${id}-entity`} value="service" checked />
              <span>
                <strong>AWS service</strong>
                <span class="con-muted">
                  {' '}
                  Allow AWS services like EC2 or Lambda to perform actions in this account.
                </span>
              </span>
            </label>
          </fieldset>
          <div class="con-field">
            <label for={`${id}-useCase`}>Service or use case</label>
            <p class="con-hint" id={`${id}-useCase-hint`}>
              The service that will assume the role. The console writes its trust policy for you.
            </p>
            <select
              {...field('useCase', 0)}
              value={useCase}
              onChange={(e) => chooseUseCase(e.currentTarget.value)}
            >
              <option value="">Choose a service</option>
              {USE_CASES.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
            {fieldError('useCase', 0)}
          </div>
          {chosen !== undefined && (
            <fieldset class="con-fieldset">
              <legend>Use case</legend>
              <label class="con-choice">
                <input type="radio" name={`${id}-usecase-detail`} value={chosen.id} checked />
                <span>
                  <strong>{chosen.label}</strong>
                  <span class="con-muted"> {chosen.description}</span>
                </span>
              </label>
            </fieldset>
          )}
        </>
      );
    }
    if (step === 1) {
      const catalog = rt?.managedPolicies() ?? [];
      const matches = filterPolicies(catalog, query);
      return (
        <>
          <div class="con-field">
            <label for={`${id}-policy-filter`}>Filter permissions policies</label>
            <p class="con-hint" id={`${id}-policy-filter-hint`}>
              AWS managed policies in this simulator: {catalog.length}. Tick the ones the role
              needs; you can leave all unticked and add permissions later.
            </p>
            <input
              id={`${id}-policy-filter`}
              type="search"
              aria-describedby={`${id}-policy-filter-hint ${id}-policy-count`}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              autocomplete="off"
            />
          </div>
          <p class="con-muted" id={`${id}-policy-count`} aria-live="polite">
            {matches.length} {matches.length === 1 ? 'policy matches' : 'policies match'};{' '}
            {picked.length} selected.
          </p>
          <fieldset class="con-fieldset">
            <legend>Permissions policies</legend>
            {matches.length === 0 ? (
              <p class="con-empty">No policy matches “{query}”.</p>
            ) : (
              <ul class="con-policies">
                {matches.map((p) => (
                  <li key={p.arn}>
                    <label class="con-choice">
                      <input
                        type="checkbox"
                        value={p.arn}
                        checked={picked.includes(p.arn)}
                        aria-describedby={`${id}-desc-${p.policyName}`}
                        onChange={(e) =>
                          setPicked(
                            e.currentTarget.checked
                              ? [...picked, p.arn]
                              : picked.filter((a) => a !== p.arn),
                          )
                        }
                      />
                      <span>
                        <strong>{p.policyName}</strong> <span class="con-tag">AWS managed</span>
                        <span class="con-muted con-block" id={`${id}-desc-${p.policyName}`}>
                          {p.description}
                        </span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </>
      );
    }
    if (step === 2) {
      return (
        <>
          <div class="con-field">
            <label for={`${id}-roleName`}>Role name</label>
            <p class="con-hint" id={`${id}-roleName-hint`}>
              Up to 64 characters: letters, digits and + = , . @ _ -
            </p>
            <input
              {...field('roleName', 2)}
              type="text"
              value={roleName}
              onInput={(e) => setRoleName(e.currentTarget.value)}
              autocomplete="off"
              spellcheck={false}
            />
            {fieldError('roleName', 2)}
          </div>
          <div class="con-field">
            <label for={`${id}-description`}>Description</label>
            <p class="con-hint" id={`${id}-description-hint`}>
              Optional. Up to {DESCRIPTION_MAX} characters. Filled in with the use case’s default;
              change it to say what the role is for.
            </p>
            <textarea
              {...field('description', 2)}
              rows={2}
              value={description}
              onInput={(e) => setDescription(e.currentTarget.value)}
            />
            {fieldError('description', 2)}
          </div>
        </>
      );
    }
    return (
      <>
        {createError !== null && (
          <ErrorAlert error={createError} title="The role could not be created" />
        )}
        <h5 class="con-sub">Step 1: Trusted entities</h5>
        <p class="con-muted" id={`${id}-trust-caption`}>
          The trust policy the console generated for {chosen?.label ?? 'the service'}:
        </p>
        <pre class="con-code" role="region" tabIndex={0} aria-labelledby={`${id}-trust-caption`}>
          {chosen === undefined ? '' : consoleTrustPolicy(chosen)}
        </pre>
        <h5 class="con-sub">Step 2: Permissions</h5>
        {picked.length === 0 ? (
          <p class="con-empty">
            No permissions policies: the role will be able to do nothing until you attach one.
          </p>
        ) : (
          <ul class="con-list">
            {picked.map((arn) => (
              <li key={arn}>
                <code>{arn}</code>
              </li>
            ))}
          </ul>
        )}
        <h5 class="con-sub">Step 3: Name and description</h5>
        <dl class="con-dl">
          <dt>Role name</dt>
          <dd>
            <code>{roleName}</code>
          </dd>
          <dt>Description</dt>
          <dd>{description === '' ? <span class="con-muted">none</span> : description}</dd>
        </dl>
        {chosen?.instanceProfile === true && (
          <p class="con-note">
            For an EC2 role the console also creates an <strong>instance profile</strong> named{' '}
            <code>{roleName}</code> holding the role: that is what the Launch instance form lists.
          </p>
        )}
      </>
    );
  };

  const wizardPage = () => (
    <section aria-labelledby={`${id}-page`}>
      <div class="con-head">
        <h3 class="con-h" id={`${id}-page`}>
          Create role
        </h3>
        <button type="button" class="con-btn" onClick={() => go({ kind: 'roles' })}>
          Cancel
        </button>
      </div>
      <nav aria-label="Create role steps">
        <ol class="con-steps">
          {STEPS.map((name, i) => (
            <li
              key={name}
              class={i === step ? 'con-step-current' : i < step ? 'con-step-done' : ''}
              aria-current={i === step ? 'step' : undefined}
            >
              <span class="con-step-n" aria-hidden="true">
                {i < step ? '✓' : i + 1}
              </span>
              <span>
                Step {i + 1}: {name}
                {i < step ? <span class="con-sr"> (done)</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <form
        class="con-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (step === STEPS.length - 1) createRole();
          else nextStep();
        }}
      >
        <h4 class="con-step-h" tabIndex={-1} ref={stepHeading}>
          Step {step + 1} of {STEPS.length}: {STEPS[step]}
        </h4>
        {wizardStep()}
        <div class="con-actions">
          {step > 0 && (
            <button type="button" class="con-btn" onClick={() => toStep(step - 1)}>
              Previous
            </button>
          )}
          <button type="submit" class="con-btn con-primary" disabled={busy || rt === null}>
            {step === STEPS.length - 1 ? 'Create role' : 'Next'}
          </button>
        </div>
      </form>
    </section>
  );

  const tabKeys = (e: KeyboardEvent): void => {
    const order = ['permissions', 'trust'] as const;
    const at = order.indexOf(roleTab);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (at + 1) % order.length;
    else if (e.key === 'ArrowLeft') next = (at + order.length - 1) % order.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = order.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const tab = order[next] ?? 'permissions';
    setRoleTab(tab);
    document.getElementById(`${id}-tab-${tab}`)?.focus();
  };

  const rolePage = (name: string) => {
    const d = details;
    return (
      <section aria-labelledby={`${id}-page`}>
        <p class="con-crumbs">
          <button type="button" class="con-link" onClick={() => go({ kind: 'roles' })}>
            Roles
          </button>{' '}
          <span aria-hidden="true">›</span> {name}
        </p>
        <h3 class="con-h" id={`${id}-page`} tabIndex={-1} ref={pageHeading}>
          {name}
        </h3>
        {d === null ? null : isError(d) ? (
          <ErrorAlert error={d} title="The role could not be read" />
        ) : (
          <>
            <h4 class="con-sub">Summary</h4>
            <dl class="con-dl">
              <dt>ARN</dt>
              <dd>
                <code>{d.arn}</code>
              </dd>
              <dt>Instance profile ARN</dt>
              <dd>
                {d.instanceProfileArns.length === 0 ? (
                  <span class="con-muted">none: this role cannot be attached to an instance</span>
                ) : (
                  d.instanceProfileArns.map((a) => <code key={a}>{a}</code>)
                )}
              </dd>
              <dt>Description</dt>
              <dd>{d.description === '' ? <span class="con-muted">none</span> : d.description}</dd>
              <dt>Created</dt>
              <dd>{d.createDate}</dd>
              <dt>Maximum session duration</dt>
              <dd>
                {d.maxSessionDuration / 3600} hour{d.maxSessionDuration === 3600 ? '' : 's'}
              </dd>
            </dl>
            <div class="con-tabs" role="tablist" aria-label={`Details of ${name}`}>
              {(
                [
                  ['permissions', 'Permissions'],
                  ['trust', 'Trust relationships'],
                ] as const
              ).map(([key, text]) => (
                <button
                  key={key}
                  type="button"
                  role="tab"
                  id={`${id}-tab-${key}`}
                  aria-selected={roleTab === key}
                  aria-controls={`${id}-panel-${key}`}
                  tabIndex={roleTab === key ? 0 : -1}
                  onClick={() => setRoleTab(key)}
                  onKeyDown={tabKeys}
                >
                  {text}
                </button>
              ))}
            </div>
            <div
              class="con-panel"
              role="tabpanel"
              id={`${id}-panel-permissions`}
              aria-labelledby={`${id}-tab-permissions`}
              tabIndex={0}
              hidden={roleTab !== 'permissions'}
            >
              {d.policies.length === 0 ? (
                <p class="con-empty">No permissions policies are attached.</p>
              ) : (
                <div
                  class="con-scroll"
                  role="region"
                  tabIndex={0}
                  aria-label={`Permissions policies of ${name}`}
                >
                  <table class="con-table">
                    <caption class="con-sr">Permissions policies attached to {name}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Policy name</th>
                        <th scope="col">Type</th>
                        <th scope="col">ARN</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.policies.map((p) => (
                        <tr key={p.arn}>
                          <td>{p.name}</td>
                          <td>
                            {p.arn.startsWith('arn:aws:iam::aws:')
                              ? 'AWS managed'
                              : 'Customer managed'}
                          </td>
                          <td>
                            <code>{p.arn}</code>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
            <div
              class="con-panel"
              role="tabpanel"
              id={`${id}-panel-trust`}
              aria-labelledby={`${id}-tab-trust`}
              tabIndex={0}
              hidden={roleTab !== 'trust'}
            >
              <p class="con-muted">Trusted entities: the principals that may assume this role.</p>
              <pre
                class="con-code"
                role="region"
                tabIndex={0}
                aria-label={`Trust policy of ${name}`}
              >
                {d.trustPolicy}
              </pre>
            </div>
          </>
        )}
      </section>
    );
  };

  const instancesPage = () => (
    <section aria-labelledby={`${id}-page`}>
      <div class="con-head">
        <h3 class="con-h" id={`${id}-page`} tabIndex={-1} ref={pageHeading}>
          Instances
        </h3>
        <button
          type="button"
          class="con-btn con-primary"
          disabled={rt === null}
          onClick={() => {
            setLaunchError(null);
            setLaunchTried(false);
            setStatus('');
            go({ kind: 'launch' });
          }}
        >
          Launch instances
        </button>
      </div>
      {isError(instances) ? (
        <ErrorAlert error={instances} title="The instances could not be listed" />
      ) : instances.length === 0 ? (
        <p class="con-empty">No instances yet.</p>
      ) : (
        <div class="con-scroll" tabIndex={0} role="region" aria-label="Instances table">
          <table class="con-table">
            <caption class="con-sr">Instances in account {CONSOLE_ACCOUNT}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Instance ID</th>
                <th scope="col">State</th>
                <th scope="col">Type</th>
                <th scope="col">IAM instance profile</th>
                <th scope="col">IMDSv2</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {instances.map((i) => (
                <tr key={i.id}>
                  <td>{i.name === '' ? <span class="con-muted">–</span> : i.name}</td>
                  <td>
                    <code>{i.id}</code>
                  </td>
                  <td>{i.state}</td>
                  <td>{i.type}</td>
                  <td>
                    {i.profileArn === undefined ? (
                      <span class="con-muted">none</span>
                    ) : (
                      <code>{i.profileArn.replace(/^.*instance-profile\//, '')}</code>
                    )}
                  </td>
                  <td>{i.httpTokens === 'required' ? 'Required' : 'Optional'}</td>
                  <td>
                    {i.state === 'terminated' ? null : (
                      <button
                        type="button"
                        class="con-link"
                        aria-label={`Modify IAM role of ${i.name === '' ? i.id : `${i.name} (${i.id})`}`}
                        onClick={() => {
                          setModifyChoice(
                            i.profileArn?.replace(/^.*instance-profile\/(?:.*\/)?/, '') ?? '',
                          );
                          setModifyError(null);
                          setStatus('');
                          go({ kind: 'modify', instanceId: i.id });
                        }}
                      >
                        Modify IAM role
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );

  const modifyRole = (instanceId: string): void => {
    if (rt === null || s === null) return;
    const current = rt.associationOf(s, instanceId);
    if (isError(current)) {
      setModifyError(current);
      return;
    }
    const calls = modifyRoleCalls(
      instanceId,
      current?.associationId,
      current?.profileName,
      modifyChoice,
    );
    if (calls.length === 0) {
      setStatus(`No change: instance ${instanceId} keeps its IAM role.`);
      go({ kind: 'instances' });
      return;
    }
    const result = rt.callAll(s, calls);
    changed();
    if (!result.ok) {
      setModifyError(result.error);
      return;
    }
    setModifyError(null);
    setStatus(
      modifyChoice === ''
        ? `Successfully detached the IAM role from instance ${instanceId}.`
        : `Successfully attached ${modifyChoice} to instance ${instanceId}.`,
    );
    go({ kind: 'instances' });
  };

  const modifyPage = (instanceId: string) => {
    const profileList = isError(profiles) ? [] : profiles;
    return (
      <section aria-labelledby={`${id}-page`}>
        <p class="con-crumbs">
          <button type="button" class="con-link" onClick={() => go({ kind: 'instances' })}>
            Instances
          </button>{' '}
          <span aria-hidden="true">›</span> {instanceId}
        </p>
        <h3 class="con-h" id={`${id}-page`} tabIndex={-1} ref={pageHeading}>
          Modify IAM role
        </h3>
        {modifyError !== null && (
          <ErrorAlert error={modifyError} title="The IAM role could not be changed" />
        )}
        <form
          class="con-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            modifyRole(instanceId);
          }}
        >
          <p>
            Instance <code>{instanceId}</code>. The new role applies to the instance while it keeps
            running; nothing needs to restart.
          </p>
          <div class="con-field">
            <label for={`${id}-modify-profile`}>IAM role</label>
            <p class="con-hint" id={`${id}-modify-profile-hint`}>
              The list shows instance profiles. Choose No IAM role to detach the current one.
            </p>
            <select
              id={`${id}-modify-profile`}
              aria-describedby={`${id}-modify-profile-hint`}
              value={modifyChoice}
              onChange={(e) => setModifyChoice(e.currentTarget.value)}
            >
              <option value="">No IAM role</option>
              {profileList.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.name}
                  {p.role === undefined
                    ? ' (empty: no role inside)'
                    : p.role === p.name
                      ? ''
                      : ` (role ${p.role})`}
                </option>
              ))}
            </select>
          </div>
          <div class="con-actions">
            <button type="button" class="con-btn" onClick={() => go({ kind: 'instances' })}>
              Cancel
            </button>
            <button type="submit" class="con-btn con-primary" disabled={rt === null}>
              Update IAM role
            </button>
          </div>
        </form>
      </section>
    );
  };

  const launchPage = () => {
    const nameProblem = launchTried ? instanceNameProblem(launch.name) : undefined;
    const profileList = isError(profiles) ? [] : profiles;
    const set = (patch: Partial<LaunchDraft>): void => setLaunch({ ...launch, ...patch });
    return (
      <section aria-labelledby={`${id}-page`}>
        <p class="con-crumbs">
          <button type="button" class="con-link" onClick={() => go({ kind: 'instances' })}>
            Instances
          </button>{' '}
          <span aria-hidden="true">›</span> Launch an instance
        </p>
        <h3 class="con-h" id={`${id}-page`} tabIndex={-1} ref={pageHeading}>
          Launch an instance
        </h3>
        {launchError !== null && (
          <ErrorAlert error={launchError} title="The instance could not be launched" />
        )}
        {isError(profiles) && (
          <ErrorAlert error={profiles} title="The instance profiles could not be listed" />
        )}
        <form class="con-form" noValidate onSubmit={launchInstance}>
          <div class="con-field">
            <label for={`${id}-instance-name`}>Name</label>
            <p class="con-hint" id={`${id}-instance-name-hint`}>
              Stored as the instance’s Name tag.
            </p>
            <input
              id={`${id}-instance-name`}
              type="text"
              value={launch.name}
              aria-invalid={nameProblem !== undefined ? 'true' : undefined}
              aria-describedby={`${id}-instance-name-hint${nameProblem !== undefined ? ` ${id}-instance-name-error` : ''}`}
              onInput={(e) => set({ name: e.currentTarget.value })}
              autocomplete="off"
            />
            {nameProblem !== undefined && (
              <p class="con-error" id={`${id}-instance-name-error`}>
                <span aria-hidden="true">✗ </span>
                {nameProblem}
              </p>
            )}
          </div>
          <div class="con-field">
            <label for={`${id}-ami`}>Amazon Machine Image (AMI)</label>
            <select
              id={`${id}-ami`}
              value={launch.imageId}
              onChange={(e) => set({ imageId: e.currentTarget.value })}
            >
              {IMAGES.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label} ({i.id})
                </option>
              ))}
            </select>
          </div>
          <div class="con-field">
            <label for={`${id}-type`}>Instance type</label>
            <select
              id={`${id}-type`}
              value={launch.instanceType}
              onChange={(e) => set({ instanceType: e.currentTarget.value })}
            >
              {INSTANCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <details class="con-details">
            <summary>Advanced details</summary>
            <div class="con-field">
              <label for={`${id}-profile`}>IAM instance profile</label>
              <p class="con-hint" id={`${id}-profile-hint`}>
                The list shows instance profiles, not roles. A role made in the console for EC2 has
                a profile with the same name.
              </p>
              <select
                id={`${id}-profile`}
                aria-describedby={`${id}-profile-hint`}
                value={launch.instanceProfile}
                onChange={(e) => set({ instanceProfile: e.currentTarget.value })}
              >
                <option value="">No IAM instance profile</option>
                {profileList.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                    {p.role === undefined
                      ? ' (empty: no role inside)'
                      : p.role === p.name
                        ? ''
                        : ` (role ${p.role})`}
                  </option>
                ))}
              </select>
            </div>
            <div class="con-field">
              <label for={`${id}-imds`}>Metadata version</label>
              <p class="con-hint" id={`${id}-imds-hint`}>
                V2 only makes every metadata request carry a session token.
              </p>
              <select
                id={`${id}-imds`}
                aria-describedby={`${id}-imds-hint`}
                value={launch.httpTokens}
                onChange={(e) =>
                  set({
                    httpTokens: e.currentTarget.value === 'optional' ? 'optional' : 'required',
                  })
                }
              >
                <option value="required">V2 only (token required)</option>
                <option value="optional">V1 and V2 (token optional)</option>
              </select>
            </div>
          </details>
          <div class="con-actions">
            <button type="submit" class="con-btn con-primary" disabled={rt === null}>
              Launch instance
            </button>
          </div>
        </form>
      </section>
    );
  };

  const changes = () => {
    if (rt === null || s === null) return null;
    const roleList = isError(roles) ? [] : roles;
    const profileList = isError(profiles) ? [] : profiles;
    const instanceList = isError(instances) ? [] : instances;
    const empty = roleList.length + profileList.length + instanceList.length === 0;
    return (
      <section class="con-changes" aria-labelledby={`${id}-changes`}>
        <h3 class="con-h3" id={`${id}-changes`}>
          What changed in the account
        </h3>
        {empty ? (
          <p class="con-empty">
            Nothing yet: the account has two buckets and the users{' '}
            {CONSOLE_USERS.map((u) => u.name).join(' and ')}, and no roles, instance profiles or
            instances.
          </p>
        ) : (
          <ul class="con-list">
            {roleList.map((r) => (
              <li key={r.arn}>
                Role <code>{r.arn}</code>
              </li>
            ))}
            {profileList.map((p) => (
              <li key={p.arn}>
                Instance profile <code>{p.arn}</code>{' '}
                {p.role === undefined ? '(empty)' : <>holding role {p.role}</>}
              </li>
            ))}
            {instanceList.map((i) => (
              <li key={i.arn}>
                Instance <code>{i.arn}</code> ({i.state}
                {i.profileArn === undefined
                  ? ', no instance profile'
                  : `, profile ${i.profileArn.replace(/^.*instance-profile\//, '')}`}
                )
              </li>
            ))}
          </ul>
        )}
        {s.calls.length > 0 && (
          <details class="con-details">
            <summary>API calls the console made ({s.calls.length}), as AWS CLI commands</summary>
            <ol class="con-calls">
              {s.calls.map((c, i) => (
                <li key={i}>
                  <code>{c.cli}</code> <span class="con-muted">as {c.user}</span>{' '}
                  {c.outcome === 'ok' ? (
                    <span class="con-ok">✓ succeeded</span>
                  ) : (
                    <span class="con-bad">✗ {c.outcome}</span>
                  )}
                </li>
              ))}
            </ol>
          </details>
        )}
      </section>
    );
  };

  const service =
    page.kind === 'instances' || page.kind === 'launch' || page.kind === 'modify' ? 'ec2' : 'iam';
  return (
    <section class="console-lab" aria-label={label}>
      <div class="con-bar">
        <div class="con-who">
          <label for={`${id}-user`} class="con-muted">
            Signed in as
          </label>{' '}
          <select
            id={`${id}-user`}
            class="con-user"
            aria-describedby={`${id}-user-hint`}
            value={s?.user ?? CONSOLE_USER}
            disabled={rt === null}
            onChange={(e) => switchUser(e.currentTarget.value)}
          >
            {CONSOLE_USERS.map((u) => (
              <option key={u.name} value={u.name}>
                {u.name}
              </option>
            ))}
          </select>
          <span class="con-muted"> @ example-corp ({CONSOLE_ACCOUNT}) · us-east-1</span>
          <span class="con-muted con-block con-small-text" id={`${id}-user-hint`}>
            {CONSOLE_USERS.find((u) => u.name === (s?.user ?? CONSOLE_USER))?.summary}
          </span>
        </div>
        <button type="button" class="con-btn con-small" onClick={reset} disabled={rt === null}>
          Reset console
        </button>
      </div>
      <div class="con-body">
        <nav class="con-nav" aria-label="Console services">
          <button
            type="button"
            aria-current={service === 'iam' ? 'page' : undefined}
            onClick={() => go({ kind: 'roles' })}
          >
            IAM <span class="con-muted">· Roles</span>
          </button>
          <button
            type="button"
            aria-current={service === 'ec2' ? 'page' : undefined}
            onClick={() => go({ kind: 'instances' })}
          >
            EC2 <span class="con-muted">· Instances</span>
          </button>
        </nav>
        <div class="con-main">
          <p class="con-status" role="status">
            {status}
          </p>
          {loadError !== '' ? (
            <p class="con-alert con-alert-error" role="alert">
              {loadError}
            </p>
          ) : rt === null ? (
            <>
              {heading('Roles')}
              <p class="con-muted">Loading the simulated AWS…</p>
            </>
          ) : page.kind === 'roles' ? (
            rolesPage()
          ) : page.kind === 'wizard' ? (
            wizardPage()
          ) : page.kind === 'role' ? (
            rolePage(page.name)
          ) : page.kind === 'instances' ? (
            instancesPage()
          ) : page.kind === 'modify' ? (
            modifyPage(page.instanceId)
          ) : (
            launchPage()
          )}
        </div>
      </div>
      {changes()}
    </section>
  );
}
