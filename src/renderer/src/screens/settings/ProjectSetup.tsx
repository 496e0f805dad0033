import { useState, type ReactNode } from 'react';
import type { ConnectionTestResult, SettingsView } from '@shared/domain';
import { useT } from '../../i18n';
import { setupDone, type SetupStep } from '../../lib/setup-steps';
import { FeeChoice } from './FeeChoice';
import { SandboxThenProduction } from './GoLive';
import { ProjectAndKey } from './ProjectAndKey';
import { TestConnection } from './TestConnection';

function Step({ n, done, title, children }: { n: SetupStep; done: boolean; title: string; children: ReactNode }) {
  const t = useT();
  return (
    <li className={`setup-step ${done ? 'setup-step-done' : ''}`} data-testid={`setup-step-${n}`} data-done={done}>
      <div className="setup-step-head">
        <span className="setup-num" aria-hidden="true">
          {done ? '✓' : n}
        </span>
        <h3>{title}</h3>
        <span className="setup-state">{done ? t('setup.done') : t('setup.todo')}</span>
      </div>
      <div className="setup-step-body">{children}</div>
    </li>
  );
}

/** The guided setup for a real Pakasir project: five short steps, sandbox first. */
export function ProjectSetup({ settings }: { settings: SettingsView }) {
  const t = useT();
  const [test, setTest] = useState<ConnectionTestResult | null>(null);
  const done = setupDone(settings, test);
  return (
    <section className="card setup" data-testid="project-setup" aria-labelledby="setup-title">
      <h2 id="setup-title">{t('setup.title')}</h2>
      <p className="hint">{t('setup.intro')}</p>
      <ol className="setup-steps">
        <Step n={1} done={done[1]} title={t('setup.step1')}>
          <ProjectAndKey settings={settings} />
        </Step>
        <Step n={2} done={done[2]} title={t('setup.step2')}>
          <TestConnection onResult={setTest} />
        </Step>
        <Step n={3} done={done[3]} title={t('setup.step3')}>
          <FeeChoice settings={settings} />
        </Step>
        <Step n={4} done={done[4]} title={t('setup.step4')}>
          <SandboxThenProduction settings={settings} step={4} />
        </Step>
        <Step n={5} done={done[5]} title={t('setup.step5')}>
          <SandboxThenProduction settings={settings} step={5} />
        </Step>
      </ol>
    </section>
  );
}
