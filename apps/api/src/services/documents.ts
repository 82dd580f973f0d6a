// The printable documents: the submitted application, the commission's protocol and the grant agreement, rendered
// to PDF from the data as it stands (reproducible: the same data gives the same bytes, dated by the data's own
// instants). The first rendering of given bytes is recorded in `documents` and in the audit log with its sha256;
// a second download of the same bytes records nothing.
import { createHash } from 'node:crypto';
import { awardsDecided, resultsArePublic, type AuditEntityType, type DocumentKind } from '@konkurs/shared';
import type { Db } from '../db/client.js';
import type { AuthUser } from '../plugins/auth.js';
import { conflict } from '../domain/errors.js';
import { applicationDocument } from '../domain/documents/application.js';
import { protocolDocument } from '../domain/documents/protocol.js';
import { agreementDocument } from '../domain/documents/agreement.js';
import { renderPdf } from '../lib/pdf.js';
import {
  applicationForDocument, attachmentsForDocument, competitionForProtocol, insertDocument, protocolRanking, reportScheduleOf, submittedCounts,
} from '../queries/documents.js';
import { recordAudit } from './audit-log.js';

export interface PdfFile { fileName: string; bytes: Buffer; sha256: string }

interface Subject { kind: DocumentKind; entityType: AuditEntityType; entityId: string; operatorId: string }

/** Records the rendering the first time these bytes are made, and answers the file. */
async function recorded(db: Db, actor: AuthUser, subject: Subject, fileName: string, bytes: Buffer, now: Date): Promise<PdfFile> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.transaction(async (tx) => {
    const first = await insertDocument(tx, { kind: subject.kind, objectId: subject.entityId, sha256, sizeBytes: bytes.length, generatedAt: now });
    if (first) {
      await recordAudit(tx, { actorId: actor.id, action: 'document.generated', entityType: subject.entityType, entityId: subject.entityId,
        operatorId: subject.operatorId, after: { kind: subject.kind, sha256, sizeBytes: bytes.length }, at: now });
    }
  });
  return { fileName, bytes, sha256 };
}

/** The submitted application as printed: its organisation's members, its operator's organisers, the admin; 409 for a draft. */
export async function applicationPdf(db: Db, actor: AuthUser, applicationId: string, now: Date): Promise<PdfFile> {
  const row = await applicationForDocument(db, actor, applicationId);
  const a = row.application;
  if (a.status === 'draft' || !a.submittedAt) throw conflict('not-submitted');
  const files = await attachmentsForDocument(db, a.id);
  const bytes = await renderPdf(applicationDocument({
    number: a.number, submittedAt: a.submittedAt, timezone: row.competition.timezone,
    competition: { code: row.competition.code, title: row.competition.title, operatorName: row.operatorName },
    organization: row.organization, content: a.content,
    totals: { totalCostKopecks: a.totalCostKopecks, cofinancingKopecks: a.cofinancingKopecks, requestedKopecks: a.requestedKopecks },
    attachments: files,
  }), { title: `Заявка № ${a.number}`, at: a.submittedAt });
  return recorded(db, actor, { kind: 'application', entityType: 'application', entityId: a.id, operatorId: row.competition.operatorId },
    `Заявка ${a.number}.pdf`, bytes, now);
}

/** The grant agreement of a winner once the results are published: the winner's members, the operator's organisers, the admin. */
export async function agreementPdf(db: Db, actor: AuthUser, applicationId: string, now: Date): Promise<PdfFile> {
  const row = await applicationForDocument(db, actor, applicationId);
  const a = row.application;
  const publishedAt = row.competition.publishedAt;
  if (a.status !== 'winner' || !resultsArePublic(row.competition.status) || !publishedAt) throw conflict('agreement-not-available');
  const bytes = await renderPdf(agreementDocument({
    number: a.number, title: a.title, startDate: a.content.startDate ?? null, endDate: a.content.endDate ?? null,
    awardedKopecks: a.awardedKopecks ?? 0, totalCostKopecks: a.totalCostKopecks, cofinancingKopecks: a.cofinancingKopecks,
    competition: { code: row.competition.code, title: row.competition.title, operatorName: row.operatorName, timezone: row.competition.timezone, publishedAt },
    organization: row.organization,
    reports: await reportScheduleOf(db, a.id),
  }), { title: `Соглашение о предоставлении гранта № ${a.number}`, at: publishedAt });
  return recorded(db, actor, { kind: 'agreement', entityType: 'application', entityId: a.id, operatorId: row.competition.operatorId },
    `Соглашение ${a.number}.pdf`, bytes, now);
}

/**
 * The commission's protocol once the awards are decided: the operator's organisers and officials, a federal
 * official, the admin. A national round's 12,000 rows make about 970 landscape pages (5.8 MB) in 11.5 s of layout and
 * 650 MB at peak (35 s on a loaded machine); the layout runs in a worker thread (lib/pdf.ts), the event loop waits at
 * most ~0.3 s (handing the definition over), and the route takes one of the process's download slots.
 */
export async function protocolPdf(db: Db, actor: AuthUser, competitionId: string, now: Date): Promise<PdfFile> {
  const { competition: c, operatorName } = await competitionForProtocol(db, actor, competitionId);
  if (!awardsDecided(c.status)) throw conflict('awards-not-decided');
  const decidedAt = c.decidedAt ?? c.updatedAt;
  const [ranking, counts] = await Promise.all([protocolRanking(db, c.id), submittedCounts(db, c.id)]);
  const bytes = await renderPdf(protocolDocument({
    competition: { code: c.code, title: c.title, operatorName, budgetKopecks: c.budgetKopecks, passMark: c.passMark, timezone: c.timezone, decidedAt },
    ranking, ...counts, commission: c.commission,
  }), { title: `Протокол заседания конкурсной комиссии: ${c.code}`, at: decidedAt });
  return recorded(db, actor, { kind: 'protocol', entityType: 'competition', entityId: c.id, operatorId: c.operatorId },
    `Протокол ${c.code}.pdf`, bytes, now);
}
