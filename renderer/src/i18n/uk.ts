/**
 * The Ukrainian dictionary: the source of truth for message keys and their placeholders.
 * Every other language is typed from this object, so a key missing there fails the build.
 */
export const uk = {
  'app.loading': 'Завантаження…',

  'header.window': 'Вікно № {window}',
  'header.unknownDesk': 'Робоче місце ще не визначено',

  'language.label': 'Мова',

  'nav.label': 'Розділи',
  'nav.shortcutHint': 'Alt+{digit}',
  'screen.queue': 'Черга',
  'screen.intake': 'Прийом',
  'screen.documents': 'Документи',
  'screen.review': 'Перегляд',

  'queue.title': 'Електронна черга',
  'queue.purpose': 'Тут ви викликатимете наступного відвідувача та бачитимете чергу свого вікна.',
  'intake.title': 'Прийом звернень',
  'intake.purpose': 'Тут ви реєструватимете звернення, перевірятимете особу й документи та друкуватимете опис.',
  'documents.title': 'Документи',
  'documents.purpose': 'Тут ви скануватимете документи заявника й видаватимете результати.',
  'review.title': 'Перегляд за день',
  'review.purpose': 'Тут керівник зміни переглядатиме прийом за день і вирішуватиме проблеми синхронізації.',
  'screen.laterRelease': 'Цей розділ з’явиться в наступному випуску.',

  'status.label': 'Стан системи',
  'connection.connecting': 'З’єднання…',
  'connection.connected': 'Підключено',
  'connection.reconnecting': 'Відновлення зв’язку…',
  'status.version': 'Версія {version}',
  'status.versionUnknown': 'Версія —',
  'status.sync': 'Синхронізація: {state}',
  'sync.unknown': 'очікування…',
  'sync.standalone': 'автономний режим',
  'status.desk': 'Робоче місце {desk}',
  'status.demoConfig': 'демонстраційні налаштування',

  'banner.reconnecting': 'Зв’язок із сервісом втрачено — відновлюємо…',
  'banner.reconnectingHint': 'Не закривайте програму: робота продовжиться автоматично, щойно зв’язок відновиться.',

  'error.VALIDATION': 'Перевірте введені дані: деякі поля заповнено неправильно.',
  'error.UNAUTHENTICATED': 'Потрібно увійти в систему.',
  'error.FORBIDDEN': 'У вас немає прав на цю дію.',
  'error.NOT_FOUND': 'Запис не знайдено.',
  'error.CONFLICT': 'Запис щойно змінено на іншому робочому місці. Оновіть дані й спробуйте ще раз.',
  'error.UNAVAILABLE': 'Сервіс тимчасово недоступний. Спробуйте ще раз за хвилину.',
  'error.STORAGE': 'Не вдалося зберегти дані на цьому комп’ютері. Зверніться до ІТ-служби.',
  'error.INTERNAL': 'Сталася внутрішня помилка. Зверніться до ІТ-служби.',
  'error.correlation': 'Код для ІТ-служби: {id}',
  'error.infoFailed': 'Не вдалося отримати відомості про робоче місце.',
  'error.retry': 'Спробувати ще раз',

  'crash.title': 'Щось пішло не так',
  'crash.body': 'Екран не вдалося показати. Перезавантажте вікно, щоб продовжити: уже збережені дані не втрачено.',
  'crash.reload': 'Перезавантажити',
} as const;
