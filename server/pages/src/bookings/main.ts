/**
 * The bookings admin page (`/bookings/:center`): the admin token (sessionStorage only, gone with
 * the tab), a service and a day, the free slots, a booking created from one (the code to give the
 * citizen), the day's bookings and cancelling one.
 */
import './bookings.css';
import { z } from 'zod';
import { Booking, BookingSlot, KioskConfig } from '../../../../shared/queue-protocol';
import { ApiError, errorCode, fetchJson, jsonBody } from '../common/api';
import { centerFromPath } from '../common/center';
import { h, render } from '../common/dom';
import { langFromSearch, localName, translator } from '../common/i18n';
import type { Lang, Translator } from '../common/i18n';
import { bookingRequest, byTime, clockTime, localDay, offeredServices } from './booking-form';
import { en, uk } from './i18n';
import type { BookingsKey } from './i18n';

const TOKEN_KEY = 'vikno.bookings.adminToken';
const root = document.getElementById('app') as HTMLElement;
const center = centerFromPath(location.pathname);
let lang: Lang = langFromSearch(location.search);
let i18n: Translator<BookingsKey> = translator({ uk, en }, lang);
const t = (key: BookingsKey, values?: Record<string, string | number>) => i18n.t(key, values);

const view = {
  token: sessionStorage.getItem(TOKEN_KEY),
  config: null as KioskConfig | null,
  serviceCode: '',
  date: localDay(new Date()),
  slots: null as BookingSlot[] | null,
  slotStart: '',
  name: '',
  phone: '',
  created: null as Booking | null,
  bookings: null as Booking[] | null,
  message: null as { text: string; alert: boolean } | null,
  busy: false,
};

function messageFor(error: unknown): string {
  const code = errorCode(error);
  const key = `error_${code}` as BookingsKey;
  if (key in uk) return t(key);
  return t('error_other', { code, message: error instanceof Error ? error.message : String(error) });
}

function admin(init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...init.headers, authorization: `Bearer ${view.token ?? ''}` } };
}

/** Runs an action with the page marked busy; a refused token signs out, any failure is said in one sentence. */
async function act(action: () => Promise<void>): Promise<void> {
  view.busy = true;
  view.message = null;
  draw();
  try {
    await action();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) signOut();
    view.message = { text: messageFor(error), alert: true };
  } finally {
    view.busy = false;
    draw();
  }
}

function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  view.token = null;
  view.bookings = null;
}

const loadSlots = () =>
  act(async () => {
    view.slotStart = '';
    const query = new URLSearchParams({ service: view.serviceCode, date: view.date });
    view.slots = await fetchJson(`/api/booking/${center}/slots?${query}`, z.array(BookingSlot));
  });

const loadBookings = () =>
  act(async () => {
    const query = new URLSearchParams({ center: center ?? '', date: view.date });
    view.bookings = byTime(await fetchJson(`/admin/bookings?${query}`, z.array(Booking), admin()));
  });

function create(): Promise<void> {
  const checked = bookingRequest({
    centerCode: center ?? '',
    serviceCode: view.serviceCode,
    slotStart: view.slotStart,
    name: view.name,
    phone: view.phone,
  });
  if (!checked.ok) {
    view.message = { text: checked.fields.map((field) => t(`field_${field}` as BookingsKey)).join(' '), alert: true };
    draw();
    return Promise.resolve();
  }
  return act(async () => {
    view.created = await fetchJson('/admin/bookings', Booking, admin(jsonBody('POST', checked.request)));
    view.name = '';
    view.phone = '';
    await refreshAfterChange();
  });
}

function cancel(code: string): Promise<void> {
  return act(async () => {
    await fetchJson(`/admin/bookings/${encodeURIComponent(code)}`, z.unknown(), admin({ method: 'DELETE' }));
    view.message = { text: t('cancelled', { code }), alert: false };
    await refreshAfterChange();
  });
}

/** A booking made or cancelled changes both the free slots and the day's list. */
async function refreshAfterChange(): Promise<void> {
  const query = new URLSearchParams({ service: view.serviceCode, date: view.date });
  view.slotStart = '';
  view.slots = view.serviceCode ? await fetchJson(`/api/booking/${center}/slots?${query}`, z.array(BookingSlot)) : view.slots;
  view.bookings = byTime(
    await fetchJson(`/admin/bookings?${new URLSearchParams({ center: center ?? '', date: view.date })}`, z.array(Booking), admin()),
  );
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function tokenForm(): HTMLElement {
  const input = h('input', { type: 'password', autocomplete: 'off', required: true });
  return h(
    'form',
    {
      class: 'card',
      onsubmit: (event: SubmitEvent) => {
        event.preventDefault();
        view.token = input.value.trim();
        sessionStorage.setItem(TOKEN_KEY, view.token);
        void loadBookings();
      },
    },
    field('admin-token', t('tokenLabel'), input),
    h('p', { class: 'hint' }, t('tokenHint')),
    h('button', { type: 'submit' }, t('signIn')),
  );
}

function serviceName(code: string): string {
  const service = view.config ? offeredServices(view.config).find((s) => s.code === code) : undefined;
  return service ? localName(service, lang) : code;
}

function slotPicker(): HTMLElement {
  const services = view.config ? offeredServices(view.config) : [];
  const select = h(
    'select',
    { required: true },
    h('option', { value: '' }, '—'),
    ...services.map((s) => h('option', { value: s.code, selected: s.code === view.serviceCode }, localName(s, lang))),
  );
  select.addEventListener('change', () => {
    view.serviceCode = select.value;
    view.slots = null;
  });
  const date = h('input', { type: 'date', value: view.date, required: true });
  date.addEventListener('change', () => {
    view.date = date.value;
    view.slots = null;
    void loadBookings();
  });
  return h(
    'form',
    {
      class: 'card',
      onsubmit: (event: SubmitEvent) => {
        event.preventDefault();
        void loadSlots();
      },
    },
    field('booking-service', t('service'), select),
    field('booking-date', t('date'), date),
    h('button', { type: 'submit' }, t('showSlots')),
  );
}

function slotsAndForm(): HTMLElement | null {
  if (view.slots === null) return null;
  const free = view.slots.filter((slot) => slot.free > 0);
  const name = h('input', { type: 'text', value: view.name, maxlength: 200, autocomplete: 'off' });
  name.addEventListener('input', () => (view.name = name.value));
  const phone = h('input', { type: 'tel', value: view.phone, maxlength: 30, autocomplete: 'off' });
  phone.addEventListener('input', () => (view.phone = phone.value));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'slots-title' },
    h('h2', { id: 'slots-title' }, t('slots')),
    free.length === 0
      ? h('p', {}, t('noSlots'))
      : h(
          'div',
          { class: 'slots', role: 'group', 'aria-label': t('slots') },
          ...free.map((slot) =>
            h(
              'button',
              {
                type: 'button',
                'aria-pressed': slot.start === view.slotStart ? 'true' : 'false',
                onclick: () => {
                  view.slotStart = slot.start;
                  draw();
                },
              },
              t('slot', { time: clockTime(slot.start, lang), free: slot.free }),
            ),
          ),
        ),
    view.slotStart ? h('p', {}, t('chosenSlot', { time: clockTime(view.slotStart, lang) })) : null,
    h(
      'form',
      {
        onsubmit: (event: SubmitEvent) => {
          event.preventDefault();
          void create();
        },
      },
      field('booking-name', t('name'), name),
      field('booking-phone', t('phone'), phone),
      h('button', { type: 'submit', disabled: view.busy }, t('create')),
    ),
  );
}

function createdCode(): HTMLElement | null {
  if (!view.created) return null;
  return h(
    'section',
    { class: 'card created', role: 'status' },
    h('p', {}, t('created')),
    h('p', { class: 'code', 'data-testid': 'booking-code' }, view.created.code),
    h('p', {}, `${clockTime(view.created.slotStart, lang)} · ${serviceName(view.created.serviceCode)}`),
  );
}

function dayList(): HTMLElement | null {
  if (view.bookings === null) return null;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'day-title' },
    h('h2', { id: 'day-title' }, t('dayBookings', { date: view.date })),
    view.bookings.length === 0
      ? h('p', {}, t('noBookings'))
      : h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...(['colTime', 'colService', 'colName', 'colStatus', 'colCode'] as const).map((key) => h('th', { scope: 'col' }, t(key))),
              h('td', {}),
            ),
          ),
          h(
            'tbody',
            {},
            ...view.bookings.map((booking) =>
              h(
                'tr',
                {},
                h('td', {}, clockTime(booking.slotStart, lang)),
                h('td', {}, serviceName(booking.serviceCode)),
                h('td', {}, booking.name ?? '—'),
                h('td', {}, t(`status_${booking.status}`)),
                h('td', { class: 'code-cell' }, booking.code),
                h(
                  'td',
                  {},
                  booking.status === 'booked'
                    ? h(
                        'button',
                        { type: 'button', class: 'danger', onclick: () => void cancel(booking.code) },
                        t('cancel', { code: booking.code }),
                      )
                    : null,
                ),
              ),
            ),
          ),
        ),
  );
}

function draw(): void {
  document.title = t('title');
  const header = h(
    'header',
    { class: 'top' },
    h('h1', {}, view.config ? `${t('title')} · ${view.config.centerName}` : t('title')),
    view.token ? h('button', { type: 'button', onclick: () => (signOut(), draw()) }, t('signOut')) : null,
    h(
      'button',
      {
        type: 'button',
        lang: lang === 'uk' ? 'en' : 'uk',
        onclick: () => {
          lang = lang === 'uk' ? 'en' : 'uk';
          i18n = translator({ uk, en }, lang);
          document.documentElement.lang = lang;
          draw();
        },
      },
      t('language'),
    ),
  );
  const message = view.message
    ? h('p', { class: view.message.alert ? 'message alert' : 'message', role: view.message.alert ? 'alert' : 'status' }, view.message.text)
    : null;
  if (center === null) return render(root, header, h('main', {}, h('p', { role: 'alert' }, t('noCenter'))));
  if (!view.token) return render(root, header, h('main', {}, message, tokenForm()));
  render(
    root,
    header,
    h('main', { 'aria-busy': view.busy ? 'true' : 'false' }, message, createdCode(), slotPicker(), slotsAndForm(), dayList()),
  );
}

async function start(): Promise<void> {
  draw();
  if (center === null) return;
  await act(async () => {
    view.config = await fetchJson(`/api/kiosk/${center}/config`, KioskConfig);
  });
  if (view.token) await loadBookings();
}

document.documentElement.lang = lang;
void start();
