/**
 * What component tests need around jsdom: Testing Library unmounts rendered trees after each
 * test only when the runner has global hooks (vitest runs without globals here), and jsdom has
 * no layout, so scrolling a control into view is a no-op.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);

Element.prototype.scrollIntoView ??= function scrollIntoView() {};
