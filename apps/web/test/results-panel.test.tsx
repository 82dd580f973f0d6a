import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { NOT_SUPPORTED_REASONS } from '@konkurs/shared';
import { NotSupportedReason } from '../src/pages/applicant/results-panel';
import { renderScreen } from './render';

describe('why an application was not supported', () => {
  it('says each reason in Russian words, the pass mark with the score', () => {
    const texts = NOT_SUPPORTED_REASONS.map((reason) => {
      const { unmount } = renderScreen(<NotSupportedReason results={{ reason, finalScore: 58.5 }} passMark={60} />);
      const text = screen.getByTestId('not-supported-reason').textContent ?? '';
      unmount();
      expect(text).toMatch(/^Почему заявка не поддержана/);
      expect(text).not.toMatch(/[a-z]{3,}/i); // no English, no raw code
      return text;
    });
    expect(texts[0]).toContain('Итоговый балл 58,50 ниже проходного балла конкурса — 60,00.');
    expect(texts[1]).toContain('одна организация получает не больше одного гранта');
    expect(texts[2]).toContain('средств фонда не хватило');
    expect(texts[3]).toContain('Экспертиза заявки не была завершена');
    expect(new Set(texts).size).toBe(4);
  });

  it('says nothing for a winner', () => {
    const { container } = renderScreen(<NotSupportedReason results={{ reason: null, finalScore: 80 }} passMark={60} />);
    expect(container.querySelector('[data-testid="not-supported-reason"]')).toBeNull();
  });
});
