// The admin area: users and roles, operators, the audit log, the outgoing e-mail.
import { Navigate, Route, Routes } from 'react-router';
import { AuditPage } from './audit';
import { OperatorsPage } from './operators';
import { OutboxMessagePage, OutboxPage } from './outbox';
import { UsersPage } from './users';

export default function AdminArea() {
  return (
    <Routes>
      <Route index element={<Navigate to="users" replace />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="operators" element={<OperatorsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="outbox" element={<OutboxPage />} />
      <Route path="outbox/:id" element={<OutboxMessagePage />} />
    </Routes>
  );
}
