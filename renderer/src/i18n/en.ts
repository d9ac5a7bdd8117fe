import type { Dictionary } from './dictionary';

export const en = {
  'app.loading': 'Loading…',

  'header.window': 'Window {window}',
  'header.unknownDesk': 'Desk not identified yet',

  'language.label': 'Language',

  'nav.label': 'Sections',
  'nav.shortcutHint': 'Alt+{digit}',
  'screen.queue': 'Queue',
  'screen.intake': 'Intake',
  'screen.documents': 'Documents',
  'screen.review': 'Review',

  'queue.title': 'Electronic queue',
  'queue.purpose': 'Here you will call the next visitor and see the queue for your window.',
  'intake.title': 'Application intake',
  'intake.purpose': 'Here you will register applications, check identity and documents, and print the receipt.',
  'documents.title': 'Documents',
  'documents.purpose': 'Here you will scan the applicant’s documents and issue results.',
  'review.title': 'Day review',
  'review.purpose': 'Here the shift supervisor will review the day’s intake and resolve sync problems.',
  'screen.laterRelease': 'This section arrives in a later release.',

  'status.label': 'System status',
  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Reconnecting…',
  'status.version': 'Version {version}',
  'status.versionUnknown': 'Version —',
  'status.sync': 'Sync: {state}',
  'sync.unknown': 'waiting…',
  'sync.standalone': 'standalone',
  'status.desk': 'Desk {desk}',
  'status.demoConfig': 'demo settings',

  'banner.reconnecting': 'Lost the connection to the service — reconnecting…',
  'banner.reconnectingHint': 'Keep the app open: work resumes automatically once the connection is back.',

  'error.VALIDATION': 'Check what you entered: some fields are not filled in correctly.',
  'error.UNAUTHENTICATED': 'You need to sign in.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'The record was not found.',
  'error.CONFLICT': 'The record was just changed at another desk. Refresh and try again.',
  'error.UNAVAILABLE': 'The service is temporarily unavailable. Try again in a minute.',
  'error.STORAGE': 'Could not save data on this computer. Contact IT support.',
  'error.INTERNAL': 'An internal error occurred. Contact IT support.',
  'error.correlation': 'Reference for IT support: {id}',
  'error.infoFailed': 'Could not load the desk details.',
  'error.retry': 'Try again',

  'crash.title': 'Something went wrong',
  'crash.body': 'This screen could not be shown. Reload the window to continue: data already saved is not lost.',
  'crash.reload': 'Reload',
} as const satisfies Dictionary;
