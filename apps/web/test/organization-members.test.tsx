// The owner's "add a member" form: the server answers the same for any e-mail (finding 11), so the screen says what
// that answer means without claiming someone was added; a 429 from the member limit reads in Russian.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { OrganizationsPage } from '../src/pages/applicant/organizations';
import { mockFetch, renderScreen } from './render';

const ORG = {
  id: '11111111-1111-4111-8111-111111111111', inn: '7707083893', ogrn: '1027700132195', kpp: '773601001', fullName: 'АНО «Инициатива»',
  shortName: 'Инициатива', regionCode: '40', address: null, email: null, phone: null, website: null, myRole: 'owner', createdAt: '2026-01-01T00:00:00.000Z',
};
const OWNER = { userId: '22222222-2222-4222-8222-222222222222', email: 'owner@test.example', fullName: 'Анна Владелец', role: 'owner' };

function serve(addAnswer: { status: number; body: unknown }) {
  return mockFetch((url, init) => {
    if (url.endsWith('/organizations/mine')) return { status: 200, body: { items: [ORG], nextCursor: null } };
    if (url.endsWith(`/organizations/${ORG.id}/members`)) return init.method === 'POST' ? addAnswer : { status: 200, body: { items: [OWNER], nextCursor: null } };
    return undefined;
  });
}

async function addMember(email: string) {
  fireEvent.change(await screen.findByLabelText(/E-mail зарегистрированного заявителя/), { target: { value: email } });
  fireEvent.click(screen.getByRole('button', { name: 'Добавить участника' }));
}

describe('adding a member', () => {
  it('sends the e-mail and says, in Russian, that an applicant with it is now a member — if there is one', async () => {
    const calls = serve({ status: 201, body: { organizationId: ORG.id, email: 'someone@test.example' } });
    renderScreen(<OrganizationsPage />);
    await addMember('someone@test.example');
    expect(await screen.findByText('Если этот адрес принадлежит зарегистрированному заявителю, он теперь участник организации')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ body: { email: 'someone@test.example' } });
  });

  it('shows the limit’s 429 with its wait', async () => {
    serve({ status: 429, body: { type: 'urn:konkurs:problem:rate-limited', title: 'Too Many Requests', status: 429, code: 'rate-limited', params: { retryAfterSeconds: 42 },
      detail: 'Too many attempts; try again in 42 s' } });
    renderScreen(<OrganizationsPage />);
    await addMember('someone@test.example');
    expect(await screen.findByText('Слишком много попыток; попробуйте снова через 42 с')).toBeTruthy();
  });
});
