import { CODE_PATTERN } from '../../app/catalog/error-codes-schema';
import { explainCode } from '../../app/diagnosis/explain-code';
import { notACode, USAGE, type ExplainCommand } from './args';
import type { CliIo } from './check-command';
import { wrap } from './table';

/** `sync-doctor explain CODE`: 0 a known code, 1 a well-formed code we do not know, 2 not a code. */
export function runExplain(args: ExplainCommand, io: Pick<CliIo, 'stdout' | 'stderr'>): number {
  if (!CODE_PATTERN.test(args.code)) {
    io.stderr.write(`sync-doctor: ${notACode(args.code)}\n\n${USAGE}\n`);
    return 2;
  }
  const explanation = explainCode(args.code);
  if (!explanation) {
    const message = `Error ${args.code} is not one Sync Doctor knows. Run "sync-doctor check" to see what is in the way on this computer; the report it writes can go to Apple Support.`;
    io.stdout.write(args.json ? `${JSON.stringify({ code: args.code, known: false, message }, null, 2)}\n` : `${message}\n`);
    return 1;
  }
  if (args.json) {
    const { code, title, meaning, causes, checks, whenChecksPass, source } = explanation;
    io.stdout.write(`${JSON.stringify({ code, title, meaning, causes, checks, whenChecksPass, source }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(40, (io.stdout.columns ?? 100) - 4);
  const lines = [
    `Error ${explanation.code}: ${explanation.title}`,
    '',
    ...wrap(explanation.meaning, width),
    '',
    'Possible causes, most likely first:',
  ];
  for (const cause of explanation.causes) {
    lines.push(`  ${`[${cause.confidence}]`.padEnd(8)}  ${cause.id}`);
    for (const line of wrap(cause.detail, width - 10)) lines.push(`          ${line}`);
  }
  if (explanation.checks.length > 0) {
    lines.push('', `Checks that decide between them: ${explanation.checks.join(', ')}`);
    lines.push(`Run "sync-doctor check --error ${explanation.code}" to find out which it is here.`);
  }
  lines.push(
    '',
    ...wrap(`If every check passes: ${explanation.whenChecksPass}`, width),
    '',
    ...wrap(`Source: ${explanation.source}`, width),
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
