/**
 * A call of every contract method, with inputs the contract accepts, shared by the tests that walk
 * the whole contract (contract-writes: the `writes` marking; auth/contract-roles: every role).
 */
import type { MethodInput, MethodName } from '../../shared/contract';

export const PERSON = { kind: 'person' as const, surname: 'Шевченко', givenName: 'Марʼяна', birthDate: '1948-02-28', rnokpp: '1759013776' };

export interface Made {
  applicantId: string;
  applicationId: string;
  regNumber: string;
  serviceId: string;
  deadMutations: [string, string];
  paymentId: string;
  /**
   * A line set with two imported pages to edit (not an intake set: registering and discarding the
   * draft drop those), an inbox set with one, a line set with one to attach.
   */
  editSetId: string;
  pageIds: [string, string];
  inboxSetId: string;
  lineSetId: string;
  /** A line's document attached before the calls, and an import begun. */
  documentId: string;
  importId: string;
  /** The scan `documents.scan` started, for `documents.cancelScan`. */
  scanId: string;
  /** A small real JPEG, the page every import works on. */
  jpeg: Buffer;
}

/**
 * A call of every contract method. Typed over MethodName, so a method added to the contract
 * does not compile here until it is called too: the `writes` marking stays complete.
 */
export const CALLS: { [M in MethodName]: (made: Made) => MethodInput<M> } = {
  'app.info': () => ({}),
  'app.health': () => ({}),
  'applicants.search': () => ({ q: 'Шевченко' }),
  'applicants.get': (m) => ({ id: m.applicantId }),
  'applicants.findDuplicates': () => ({ rnokpp: '1759013776' }),
  'applications.listToday': () => ({}),
  'applications.get': (m) => ({ id: m.applicationId }),
  'storage.status': () => ({}),
  'storage.verifyAudit': () => ({}),
  'catalog.search': () => ({ q: '' }),
  'catalog.get': (m) => ({ id: m.serviceId }),
  'catalog.subsistence': () => ({}),
  'intake.register': (m) => ({
    serviceId: m.serviceId,
    applicant: { ...PERSON, id: m.applicantId, phone: '+380671234567' },
    items: [{ name: 'Заява', original: true, sheets: 1 }],
    insisted: { reason: 'Решту документів донесе' },
  }),
  'applications.search': (m) => ({ q: m.regNumber }),
  'applications.changeStatus': (m) => ({ id: m.applicationId, to: 'sent_to_provider' }),
  'applications.update': (m) => ({ id: m.applicationId, notes: 'Телефонувати після 14:00' }),
  'applications.addDocuments': (m) => ({ id: m.applicationId, items: [{ name: 'Довідка', original: false, sheets: 2 }] }),
  'applications.correctLine': (m) => ({
    id: m.applicationId,
    receipt: 1,
    position: 1,
    item: { name: 'Заява про реєстрацію', original: true, sheets: 1 },
    reason: 'Уточнено назву',
  }),
  'applications.addPayment': (m) => ({
    applicationId: m.applicationId,
    entry: { type: 'payment', component: 'admin_fee', amountKopecks: 4992, reference: 'КВ-2', paidOn: '2026-11-27' },
  }),
  'applications.cancelPayment': (m) => ({ applicationId: m.applicationId, paymentId: m.paymentId, reason: 'Не та квитанція' }),
  'drafts.get': () => ({}),
  'drafts.save': () => ({ data: { surname: 'Коваль' } }),
  'drafts.discard': () => ({}),
  'receipts.pdf': (m) => ({ applicationId: m.applicationId, lang: 'uk' }),
  'papers.acknowledgement': (m) => ({ applicationId: m.applicationId, lang: 'uk' }),
  'papers.handoffRegisters': () => ({ day: '2026-12-03', lang: 'uk' }),
  'calendar.list': () => ({ from: '2026-12-01', to: '2026-12-31' }),
  'calendar.put': () => ({ day: '2026-12-25', kind: 'day_off', name: 'Різдво' }),
  'calendar.remove': () => ({ day: '2026-12-25' }),
  'calendar.settings': () => ({}),
  'calendar.setMartialLaw': () => ({ martialLaw: false }),
  'sync.status': () => ({}),
  'sync.now': () => ({}),
  'sync.enroll': () => ({ code: 'ENROLL-CODE-1' }),
  'sync.deadLetters': () => ({}),
  'sync.pendingList': () => ({}),
  'sync.retry': (m) => ({ mutationId: m.deadMutations[0] }),
  'sync.discard': (m) => ({ mutationId: m.deadMutations[1], reason: 'Перевірено' }),
  'queue.state': () => ({}),
  'queue.act': () => ({ action: 'walk_in', serviceCode: null, purpose: 'other' }),
  'queue.statistics': () => ({ from: '2026-11-01T00:00:00Z', to: '2026-11-30T00:00:00Z' }),
  'clerk.me': () => ({}),
  'clerk.rename': () => ({ fullName: 'Коваль Петро' }),
  'diagnostics.export': () => ({}),
  'auth.state': () => ({}),
  'auth.signIn': () => ({ login: 'nobody', secret: 'wrong-secret' }),
  'auth.unlock': () => ({ secret: 'wrong-secret' }),
  'auth.changePassword': () => ({ current: 'wrong-secret', next: 'another-secret' }),
  'accounts.list': () => ({}),
  'accounts.save': () => ({ login: 'koval', fullName: 'Коваль Петро', roles: ['clerk'], desks: null, password: 'temporary-1' }),
  'accounts.resetPassword': () => ({ id: 'no-such-account', password: 'temporary-2' }),
  'accounts.setDisabled': () => ({ id: 'no-such-account', disabled: true }),
  'registers.journal': () => ({ from: '2026-12-01', to: '2026-12-03' }),
  'registers.issued': () => ({ from: '2026-12-01', to: '2026-12-03' }),
  'registers.day': () => ({ from: '2026-12-01', to: '2026-12-03' }),
  'registers.pdf': () => ({ kind: 'journal', from: '2026-12-01', to: '2026-12-03', lang: 'uk' }),
  'registers.csv': () => ({ kind: 'day', from: '2026-12-01', to: '2026-12-03' }),
  'registers.openData': () => ({ from: '2026-12-01', to: '2026-12-03', format: 'csv' }),
  'audit.list': () => ({ from: '2026-12-01', to: '2026-12-03', action: 'export' }),
  'review.day': () => ({ from: '2026-11-27', to: '2026-11-27' }),
  'sync.resolve': (m) => ({ mutationId: m.deadMutations[1], reason: 'Взято версію бек-офісу' }),
  'applications.correct': (m) => ({
    applicationId: m.applicationId,
    fields: { notes: 'Дзвонити зранку' },
    reason: 'Примітку внесено помилково',
  }),
  'documents.scanners': () => ({}),
  'documents.openSet': () => ({ owner: { kind: 'intake', lineKey: 'birth-certificate' }, label: 'Свідоцтво' }),
  'documents.getSet': (m) => ({ setId: m.editSetId }),
  'documents.inbox': () => ({}),
  // Slow enough (600 dpi) to be running still when the next call cancels it.
  'documents.scan': (m) => ({ setId: m.editSetId, settings: { mode: 'gray', dpi: 600 } }),
  'documents.cancelScan': (m) => ({ scanId: m.scanId }),
  'documents.movePage': (m) => ({ pageId: m.pageIds[0], position: 2 }),
  'documents.rotatePage': (m) => ({ pageId: m.pageIds[0], rotation: 90 }),
  'documents.deletePage': (m) => ({ pageId: m.pageIds[1] }),
  'documents.takeInbox': (m) => ({ fromSetId: m.inboxSetId, toSetId: m.editSetId }),
  'documents.importBegin': (m) => ({ setId: m.editSetId, name: 'scan.jpg', size: m.jpeg.length, source: 'file' }),
  'documents.importChunk': (m) => ({ importId: m.importId, offset: 0, base64: m.jpeg.toString('base64') }),
  'documents.importEnd': (m) => ({ importId: m.importId }),
  'documents.thumbnail': (m) => ({ pageId: m.pageIds[0] }),
  'documents.assemble': (m) => ({ setId: m.editSetId }),
  'documents.attach': (m) => ({ setId: m.lineSetId }),
  'documents.list': (m) => ({ applicationId: m.applicationId }),
  'documents.file': (m) => ({ documentId: m.documentId }),
  'documents.purge': () => ({}),
  // Last: they end the session the calls before them are made in.
  'auth.lock': () => ({}),
  'auth.signOut': () => ({}),
};
