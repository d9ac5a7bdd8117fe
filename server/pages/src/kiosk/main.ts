/**
 * The kiosk page (`/kiosk/:center`, a 1080×1920 touch screen): draws the state of flow.ts, sends
 * the ticket request, prints the ticket through the browser and returns to the start.
 */
import './kiosk.css';
import { CheckInRequest, KioskConfig, KioskTicket } from '../../../../shared/queue-protocol';
import { errorCode, fetchJson, jsonBody } from '../common/api';
import { centerFromPath } from '../common/center';
import { h, render } from '../common/dom';
import { langFromSearch, localName, translator } from '../common/i18n';
import type { Lang, Translator } from '../common/i18n';
import { START, kioskStep } from './flow';
import type { KioskEvent, KioskState } from './flow';
import { en, uk } from './i18n';
import type { KioskKey } from './i18n';
import { errorText, ticketText } from './ticket-text';

/** Seconds the ticket stays on screen before the kiosk is ready for the next citizen. */
const TICKET_SECONDS = 15;
/** A citizen who walks away mid-choice leaves the kiosk to the next one after this long untouched. */
const IDLE_SECONDS = 60;

const root = document.getElementById('app') as HTMLElement;
const center = centerFromPath(location.pathname);
let lang: Lang = langFromSearch(location.search);
let i18n: Translator<KioskKey> = translator({ uk, en }, lang);
let config: KioskConfig | null = null;
let state: KioskState = START;
let countdown: { left: number; timer: ReturnType<typeof setInterval> } | null = null;
let idle: ReturnType<typeof setTimeout> | null = null;

/** Restarts the idle clock; only a half-made choice is abandoned (the ticket has its own countdown). */
function touched(): void {
  if (idle !== null) clearTimeout(idle);
  idle = null;
  if (state.step !== 'area' && state.step !== 'ticket' && state.step !== 'issuing' && state.step !== 'checkingIn')
    idle = setTimeout(nextCitizen, IDLE_SECONDS * 1000);
}

function setLang(next: Lang): void {
  lang = next;
  i18n = translator({ uk, en }, lang);
  document.documentElement.lang = lang;
  draw();
}

function send(event: KioskEvent): void {
  if (!config) return;
  const before = state;
  state = kioskStep(state, event, config);
  if (state === before) return;
  touched();
  draw();
  if (state.step === 'issuing') void call(`/api/kiosk/${center}/tickets`, state.request);
  if (state.step === 'checkingIn') void call(`/api/kiosk/${center}/check-in`, CheckInRequest.parse({ code: state.code }));
  if (state.step === 'ticket') showTicket();
}

async function call(url: string, body: unknown): Promise<void> {
  try {
    send({ type: 'issued', ticket: await fetchJson(url, KioskTicket, jsonBody('POST', body)) });
  } catch (error) {
    send({ type: 'failed', code: errorCode(error) });
  }
}

function showTicket(): void {
  // After the ticket is drawn: the print dialog (silent under `--kiosk-printing`) takes the print layout.
  setTimeout(() => window.print(), 0);
  stopCountdown();
  countdown = {
    left: TICKET_SECONDS,
    timer: setInterval(() => {
      if (!countdown) return;
      countdown.left -= 1;
      if (countdown.left <= 0) nextCitizen();
      else draw();
    }, 1000),
  };
}

function stopCountdown(): void {
  if (countdown) clearInterval(countdown.timer);
  countdown = null;
}

function restart(): void {
  stopCountdown();
  send({ type: 'restart' });
}

/** Done, or walked away: the next citizen finds the start in the kiosk's own language. */
function nextCitizen(): void {
  setLang(langFromSearch(location.search));
  restart();
}

const t = (key: KioskKey, values?: Record<string, string | number>) => i18n.t(key, values);

function big(label: string, event: KioskEvent, className = 'choice'): HTMLButtonElement {
  return h('button', { type: 'button', class: className, onclick: () => send(event) }, label);
}

function navigation(): HTMLElement {
  return h(
    'nav',
    { class: 'nav', 'aria-label': t('title') },
    h('button', { type: 'button', class: 'secondary', onclick: () => send({ type: 'back' }) }, t('back')),
    h('button', { type: 'button', class: 'secondary', onclick: restart }, t('restart')),
  );
}

function screen(heading: string, withNav: boolean, ...body: Array<Node | null>): HTMLElement {
  return h('section', { class: 'screen' }, h('h2', {}, heading), h('div', { class: 'choices' }, ...body), withNav ? navigation() : null);
}

function textForm(
  label: string,
  hint: string,
  submit: string,
  onValue: (value: string) => void,
  extra: Node | null,
  minLength = 0,
): HTMLElement {
  const input = h('input', {
    type: 'text',
    id: 'kiosk-input',
    autocomplete: 'off',
    maxlength: 40,
    minlength: minLength || undefined,
    required: minLength > 0,
  });
  return h(
    'form',
    {
      class: 'text-form',
      onsubmit: (event: SubmitEvent) => {
        event.preventDefault();
        onValue(input.value);
      },
    },
    h('label', { for: 'kiosk-input' }, label),
    input,
    h('p', { class: 'hint' }, hint),
    h('button', { type: 'submit', class: 'choice primary' }, submit),
    extra,
  );
}

function stateView(current: KioskState, kiosk: KioskConfig): HTMLElement {
  switch (current.step) {
    case 'area':
      return screen(
        t('chooseArea'),
        false,
        ...kiosk.areas.map((area) => big(localName(area, lang), { type: 'area', code: area.code })),
        big(t('other'), { type: 'other' }, 'choice other'),
        kiosk.bookingEnabled ? big(t('booking'), { type: 'booking' }, 'choice booking') : null,
      );
    case 'service': {
      const area = kiosk.areas.find((a) => a.code === current.choice.areaCode);
      return screen(
        t('chooseService'),
        true,
        ...(area?.services ?? []).map((s) => big(localName(s, lang), { type: 'service', code: s.code })),
      );
    }
    case 'purpose':
      return screen(
        t('choosePurpose'),
        true,
        big(t('purposeConsultation'), { type: 'purpose', purpose: 'consultation' }),
        big(t('purposeSubmit'), { type: 'purpose', purpose: 'submit' }),
        big(t('purposeCollect'), { type: 'purpose', purpose: 'collect' }),
      );
    case 'priority':
      return screen(
        t('priorityQuestion'),
        true,
        big(t('priorityNone'), { type: 'priority', category: null }, 'choice primary'),
        ...kiosk.priorityCategories.map((c) => big(localName(c, lang), { type: 'priority', category: c.code })),
        h('p', { class: 'hint' }, t('priorityNote')),
      );
    case 'regNumber':
      return screen(
        t('regNumberQuestion'),
        true,
        textForm(
          t('regNumberQuestion'),
          t('regNumberHint'),
          t('next'),
          (value) => send({ type: 'regNumber', value }),
          big(t('regNumberSkip'), { type: 'regNumber', value: '' }, 'choice secondary'),
        ),
      );
    case 'bookingCode':
      return screen(
        t('booking'),
        true,
        textForm(t('bookingCodeLabel'), t('bookingCodeHint'), t('checkIn'), (value) => send({ type: 'bookingCode', value }), null, 4),
      );
    case 'issuing':
    case 'checkingIn':
      return h('section', { class: 'screen', 'aria-busy': 'true' }, h('p', { class: 'working', role: 'status' }, t('working')));
    case 'ticket':
      return ticketView(current);
    case 'error':
      return h(
        'section',
        { class: 'screen' },
        h('h2', {}, t('errorTitle')),
        h('p', { class: 'error', role: 'alert' }, errorText(current.code, i18n)),
        big(t('tryAgain'), { type: 'restart' }, 'choice primary'),
      );
  }
}

function ticketView(current: Extract<KioskState, { step: 'ticket' }>): HTMLElement {
  const text = ticketText(current.ticket, i18n);
  return h(
    'section',
    { class: 'screen ticket-screen' },
    h(
      'article',
      { class: 'ticket', 'aria-label': t('yourNumber') },
      h('p', { class: 'ticket-title' }, config?.centerName ?? ''),
      h('p', { class: 'ticket-label' }, t('yourNumber')),
      h('p', { class: 'ticket-number', 'data-testid': 'ticket-number' }, text.number),
      h('p', {}, text.queue),
      h('p', {}, text.windows),
      h('p', {}, text.ahead),
      ...text.notices.map((notice) => h('p', { class: 'ticket-notice' }, notice)),
      h('p', { class: 'ticket-time' }, text.issuedAt),
    ),
    h(
      'div',
      { class: 'choices no-print' },
      h('button', { type: 'button', class: 'choice secondary', onclick: () => window.print() }, t('print')),
      h('button', { type: 'button', class: 'choice primary', onclick: nextCitizen }, t('done')),
      countdown ? h('p', { class: 'hint', role: 'timer' }, t('returning', { n: countdown.left })) : null,
    ),
  );
}

function header(): HTMLElement {
  return h(
    'header',
    { class: 'top no-print' },
    h('h1', {}, config ? `${config.centerName} · ${t('title')}` : t('title')),
    h(
      'button',
      { type: 'button', class: 'lang', lang: lang === 'uk' ? 'en' : 'uk', onclick: () => setLang(lang === 'uk' ? 'en' : 'uk') },
      t('language'),
    ),
  );
}

/** Why the configuration did not load: an error code, or `no_center` for an address without one. */
let loadError: string | null = null;

function draw(): void {
  document.title = t('title');
  const body = loadError
    ? h(
        'section',
        { class: 'screen' },
        h('p', { class: 'error', role: 'alert' }, loadError === 'no_center' ? t('noCenter') : errorText(loadError, i18n)),
        h('button', { type: 'button', class: 'choice primary', onclick: () => void load() }, t('tryAgain')),
      )
    : config
      ? stateView(state, config)
      : h('p', { class: 'working', role: 'status' }, t('loading'));
  render(root, header(), h('main', {}, body));
}

async function load(): Promise<void> {
  loadError = null;
  draw();
  if (center === null) {
    loadError = 'no_center';
  } else {
    try {
      config = await fetchJson(`/api/kiosk/${center}/config`, KioskConfig);
    } catch (error) {
      loadError = errorCode(error);
    }
  }
  draw();
}

for (const type of ['pointerdown', 'keydown'] as const) document.addEventListener(type, touched, { capture: true });
document.documentElement.lang = lang;
void load();
