import { cleanLine, cleanText } from '../core/conversation/text.js'
import { formatProblem, FrontdeskError, type ContentProblem } from '../core/errors.js'
import { buildFaq, type FaqInput } from '../core/faq/build.js'
import { EntryIdPattern, type FaqSource } from '../core/faq/parse.js'
import { addQuestion, newEntryDocument, questionProblem, slugFor, titleFrom } from '../core/learning/edit.js'
import { createFaqWriter } from '../content/faq-writer.js'
import type { Proposal } from '../store/types.js'
import { fail, type Failure, type LearningDeps } from './learning-parts.js'

/** What an editor may change in a proposal when accepting it. */
export interface AcceptEdits {
  question?: string
  entryId?: string
  title?: string
  questions?: string[]
  answer?: string
}

const MaxAnswerLength = 20_000
const line = (text: string): string => cleanLine(text, Number.MAX_SAFE_INTEGER)

/** The change an accept makes to one file, and the FAQ as it would be with it. */
type Change = { path: string; before?: string; text: string; documents: FaqSource[] }

/**
 * An editor's acceptance, written into the FAQ's markdown and loaded at once. Edits are cleaned
 * like any visitor text (no control characters; titles and questions one line), refused when
 * the redactor finds a card number or IBAN in them, checked against the whole FAQ as the loader
 * would check it, and written whole or not at all: a full disk answers FD_ERR_STORE_UNAVAILABLE
 * and leaves no file behind. Accepts run one at a time, so two editors cannot lose a line.
 */
export function createAccept (deps: LearningDeps) {
  const { store, clock } = deps
  const writer = createFaqWriter(deps.faqDir)
  let writing: Promise<unknown> = Promise.resolve()

  /** A card number or IBAN in what is about to be written into the FAQ. */
  const carriesPii = (texts: string[]): boolean =>
    texts.some((t) => deps.redactor.personal(t).some((f) => f.kind !== 'email' && f.kind !== 'number'))

  const questionChange = (p: Proposal, folder: FaqInput, edits: AcceptEdits): Change | Failure => {
    const question = line(edits.question ?? p.questions[0] ?? '')
    const doc = folder.documents.find((d) => d.lang === p.lang && d.id === p.entryId)
    if (doc === undefined) {
      return fail('FD_ERR_NOT_FOUND', `the entry "${p.entryId ?? ''}" (${p.lang}) is not in the FAQ any more`)
    }
    if (carriesPii([question])) return fail('FD_ERR_REQUEST_INVALID', 'the question contains a card number or IBAN')
    const edited = addQuestion(doc, question)
    if (!edited.ok) return fail('FD_ERR_REQUEST_INVALID', edited.message)
    const text = edited.text
    return {
      path: writer.pathOf(doc),
      before: doc.text,
      text,
      documents: folder.documents.map((d) => (d === doc ? { ...d, text } : d)),
    }
  }

  const entryChange = (p: Proposal, folder: FaqInput, edits: AcceptEdits): Change | Failure => {
    const title = titleFrom(edits.title ?? p.title ?? '')
    const entryId = (edits.entryId ?? p.entryId ?? slugFor(title)).trim()
    const questions = (edits.questions ?? p.questions).map(line).filter((q) => q !== '')
    const cleaned = cleanText(edits.answer ?? p.answer ?? '', MaxAnswerLength)
    const answer = cleaned.ok ? cleaned.text : ''
    if (!EntryIdPattern.test(entryId)) {
      return fail('FD_ERR_REQUEST_INVALID', `"${entryId}" is not a valid entry id: use lower-case letters, digits and dashes`)
    }
    if (title === '' || answer === '' || questions.length === 0) {
      return fail('FD_ERR_REQUEST_INVALID', 'a new entry needs a title, at least one question and an answer')
    }
    const bad = questions.map(questionProblem).find((x) => x !== undefined)
    if (bad !== undefined) return fail('FD_ERR_REQUEST_INVALID', bad)
    if (carriesPii([title, answer, ...questions])) {
      return fail('FD_ERR_REQUEST_INVALID', 'the entry contains a card number or IBAN: remove it before accepting')
    }
    if (folder.documents.some((d) => d.lang === p.lang && d.id === entryId)) {
      return fail('FD_ERR_CONFLICT', `an entry "${entryId}" already exists in ${p.lang}: choose another id`)
    }
    const text = newEntryDocument({ title, questions, answer })
    const { path, file } = writer.newEntry(p.lang, entryId)
    return { path, text, documents: [...folder.documents, { file, lang: p.lang, id: entryId, text }] }
  }

  const accept = async (
    id: string,
    editorId: string,
    edits: AcceptEdits
  ): Promise<{ ok: true; proposal: Proposal; file: string } | Failure> => {
    const proposal = await store.getProposal(id)
    if (proposal === undefined) return fail('FD_ERR_NOT_FOUND', 'no such proposal')
    if (proposal.status !== 'open') return fail('FD_ERR_CONFLICT', `this proposal was already ${proposal.status}`)
    const read = await writer.read()
    const unreadable = read.problems.filter((p) => p.severity === 'error')
    if (unreadable.length > 0) {
      return fail('FD_ERR_STORE_UNAVAILABLE', `the FAQ folder cannot be read: ${unreadable.map(formatProblem).join('; ')}`)
    }
    const folder = read.input
    const change = proposal.kind === 'question' ? questionChange(proposal, folder, edits) : entryChange(proposal, folder, edits)
    if ('ok' in change) return change
    // The whole FAQ as it would be: an edit that breaks it (a question of another entry, a bad
    // template) is refused with the loader's own messages and never written. Files that were
    // broken before (a bad save by hand) are served as their last good version and do not
    // block an unrelated change.
    const errorsOf = (input: FaqInput): ContentProblem[] => buildFaq(input).problems.filter((p) => p.severity === 'error')
    const before = new Set(errorsOf(folder).map(formatProblem))
    const errors = errorsOf({ ...folder, documents: change.documents }).filter((p) => !before.has(formatProblem(p)))
    if (errors.length > 0) {
      const message = `the FAQ would not load with this change: ${errors.map((p) => p.message).join('; ')}`
      return fail('FD_ERR_FAQ_INVALID', message, errors)
    }
    try {
      await writer.write(change.path, change.text, { exclusive: change.before === undefined })
    } catch (err) {
      if (err instanceof FrontdeskError) return fail(err.code, err.message.replace(`${err.code}: `, ''))
      throw err
    }
    const decision = { status: 'accepted' as const, decidedBy: editorId, decidedAt: clock(), file: change.path, note: null }
    let decided: Proposal | undefined
    try {
      decided = await store.decideProposal(id, decision)
    } catch (err) {
      await writer.undo(change.path, change.text, change.before)
      throw err
    }
    if (decided === undefined) {
      // Another editor decided it meanwhile: take the edit back.
      await writer.undo(change.path, change.text, change.before)
      return fail('FD_ERR_CONFLICT', 'another editor decided this proposal meanwhile')
    }
    await deps.reload()
    return { ok: true, proposal: decided, file: change.path }
  }

  return async (id: string, editorId: string, edits: AcceptEdits = {}) => {
    const run = writing.then(async () => await accept(id, editorId, edits))
    writing = run.catch(() => undefined)
    return await run
  }
}
