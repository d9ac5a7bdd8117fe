/**
 * The hall's board (`/board/:center`, 1920×1080): the last calls with their windows, the newest
 * highlighted, a chime on each new call. Live from the board's event stream; EventSource
 * reconnects by itself, and after each (re)connect the state is read again so a call made while
 * the stream was down still shows. No personal data: numbers and windows only.
 */
import './board.css';
import { BoardCall, BoardState } from '../../../../shared/queue-protocol';
import { fetchJson } from '../common/api';
import { centerFromPath } from '../common/center';
import { h, render } from '../common/dom';
import { langFromSearch, translator } from '../common/i18n';
import { isNewCall, mergeCalls } from './calls';
import { en, uk } from './i18n';

const root = document.getElementById('app') as HTMLElement;
const center = centerFromPath(location.pathname);
const i18n = translator({ uk, en }, langFromSearch(location.search));
const chime = new Audio('/assets/chime.wav');
let centerName = '';
let calls: BoardCall[] = [];
let connected = false;
/** Whether the state was read once: calls the state brings after that (missed while the stream was down) ring too. */
let loaded = false;
/** The browser refused to play without a gesture (autoplay policy): a button asks for one. */
let soundBlocked = false;

function ring(): void {
  chime.currentTime = 0;
  chime.play().then(
    () => {
      if (soundBlocked) {
        soundBlocked = false;
        draw();
      }
    },
    () => {
      soundBlocked = true;
      draw();
    },
  );
}

function receive(call: BoardCall): void {
  const news = isNewCall(calls, call);
  calls = mergeCalls(calls, [call]);
  draw();
  if (news) ring();
}

async function readState(): Promise<void> {
  try {
    const state = await fetchJson(`/api/board/${center}/state`, BoardState);
    centerName = state.centerName;
    const news = loaded && state.calls.some((call) => isNewCall(calls, call));
    calls = mergeCalls(calls, state.calls);
    loaded = true;
    draw();
    if (news) ring();
  } catch {
    // The stream's own reconnect brings the next read; until then the board keeps what it shows.
  }
}

function connect(): void {
  const events = new EventSource(`/api/board/${center}/events`);
  events.addEventListener('open', () => {
    connected = true;
    draw();
    void readState();
  });
  events.addEventListener('error', () => {
    connected = false;
    draw();
  });
  events.addEventListener('call', (event) => {
    const parsed = BoardCall.safeParse(JSON.parse((event as MessageEvent<string>).data));
    if (parsed.success) receive(parsed.data);
  });
}

function draw(): void {
  document.title = i18n.t('title');
  const { t } = i18n;
  if (center === null) {
    render(root, h('p', { class: 'problem', role: 'alert' }, t('noCenter')));
    return;
  }
  const [newest, ...rest] = calls;
  render(
    root,
    h(
      'header',
      { class: 'top' },
      h('h1', {}, centerName ? `${centerName} · ${t('title')}` : t('title')),
      connected ? null : h('p', { class: 'reconnecting', role: 'status' }, t('reconnecting')),
      soundBlocked ? h('button', { type: 'button', class: 'sound', onclick: ring }, t('soundOn')) : null,
    ),
    h(
      'main',
      {},
      newest
        ? h(
            'section',
            { class: 'newest', 'aria-live': 'assertive', 'aria-label': t('newest') },
            h('p', { class: 'caption' }, t('newest')),
            h(
              'p',
              { class: 'call', 'data-testid': 'newest-call' },
              h('span', { class: 'number' }, newest.number),
              h('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'),
              h('span', { class: 'window' }, `${t('window')} ${newest.window}`),
            ),
          )
        : h('p', { class: 'idle' }, t('waiting')),
      h(
        'table',
        { class: 'calls' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('number')), h('th', { scope: 'col' }, t('window')))),
        h('tbody', {}, ...rest.map((call) => h('tr', {}, h('td', {}, call.number), h('td', {}, call.window)))),
      ),
    ),
  );
}

document.documentElement.lang = i18n.lang;
draw();
if (center !== null) connect();
