import { describeReasons } from '../../core/learning/reasons.js'
import { h, replaceChildren } from '../shared/dom.js'
import { langLabel, percent, when } from './format.js'
import type { FaqReport, Proposal, ReportGroup } from './types.js'

export interface FaqViewActions {
  report(since: string, lang: string): Promise<FaqReport>
  proposals(): Promise<Proposal[]>
  accept(id: string, edits: Record<string, unknown>): Promise<{ file: string }>
  reject(id: string, note: string): Promise<void>
}

/**
 * For editors: what the bot could not answer, grouped, and the changes the learning loop
 * proposes from operators' links, visitors' choices and operators' repeated replies. Accepting
 * writes the change into the FAQ's markdown (shown with the file), and the bot uses it at once.
 * Everything visitors or operators wrote is shown as text.
 */
export function createFaqView (root: HTMLElement, actions: FaqViewActions) {
  const heading = h('h2', { tabindex: '-1', id: 'faq-title' }, 'Improve the FAQ')
  const status = h('p', { class: 'action-status', role: 'status' })
  const proposalList = h('ul', { class: 'proposals' })
  const groupList = h('ol', { class: 'groups' })
  const since = h(
    'select',
    { id: 'faq-since' },
    h('option', { value: '24h' }, 'last 24 hours'),
    h('option', { value: '7d', selected: true }, 'last 7 days'),
    h('option', { value: '30d' }, 'last 30 days'),
    h('option', { value: '90d' }, 'last 90 days')
  )
  const lang = h('select', { id: 'faq-lang' }, h('option', { value: '' }, 'all languages'))
  const summary = h('p', { class: 'hint' })
  // FAQ files with errors: the server serves their last good version or leaves them out.
  const problems = h('div', { class: 'faq-problems', role: 'alert', hidden: true })
  const view = h(
    'section',
    { class: 'faq-learning', 'aria-labelledby': 'faq-title' },
    heading,
    h(
      'p',
      { class: 'hint' },
      "Nothing here reaches visitors until you accept it. Accepting writes the change into the FAQ's markdown file, which the bot uses at once; commit the file to keep it."
    ),
    status,
    problems,
    h('h3', {}, 'Proposed changes'),
    proposalList,
    h('h3', {}, 'Questions the bot could not answer'),
    h(
      'div',
      { class: 'filters' },
      h('label', { for: 'faq-since' }, 'From '),
      since,
      ' ',
      h('label', { for: 'faq-lang' }, 'in '),
      lang
    ),
    summary,
    groupList
  )

  const say = (text: string): void => {
    status.textContent = text
  }
  const failed =
    (what: string) =>
      (err: unknown): void =>
        say(`${what}: ${(err as Error).message}`)

  const field = (label: string, control: HTMLInputElement | HTMLTextAreaElement): HTMLElement => {
    const id = `f-${Math.random().toString(36).slice(2)}`
    control.id = id
    return h('div', { class: 'field' }, h('label', { for: id }, label), control)
  }

  const sources = (p: Proposal): HTMLElement =>
    h(
      'p',
      { class: 'meta' },
      `${p.support} visitor${p.support === 1 ? '' : 's'}`,
      p.conversations !== p.support ? ` in ${p.conversations} conversations: ` : ': ',
      ...p.sources
        .slice(0, 8)
        .flatMap((s, i) => [
          i > 0 ? ', ' : '',
          h(
            'a',
            { href: `#/c/${encodeURIComponent(s.conversation_id)}` },
            s.by === 'visitor' ? "a visitor's choice" : 'an operator'
          ),
        ]),
      p.sources.length > 8 ? ` and ${p.sources.length - 8} more` : ''
    )

  const proposalItem = (p: Proposal): HTMLElement => {
    const accept = h('button', { type: 'button' }, 'Accept')
    const reject = h('button', { type: 'button', class: 'secondary' }, 'Reject')
    const note = h('input', { type: 'text', maxlength: 500, placeholder: 'why (optional)' })
    let body: HTMLElement[]
    let edits: () => Record<string, unknown>
    if (p.kind === 'question') {
      const question = h('input', { type: 'text', maxlength: 300, value: p.questions[0] ?? '' })
      body = [
        h(
          'p',
          {},
          'A new way to ask ',
          h('strong', {}, p.entry_title ?? p.entry_id ?? ''),
          ' ',
          h('span', { class: 'lang' }, langLabel(p.lang))
        ),
        field('Question', question),
      ]
      edits = () => ({ question: question.value })
    } else {
      const id = h('input', {
        type: 'text',
        maxlength: 100,
        value: p.entry_id ?? '',
        pattern: '[a-z0-9]+(-[a-z0-9]+)*',
      })
      const title = h('input', { type: 'text', maxlength: 200, value: p.title ?? '' })
      const questions = h('textarea', { rows: 4 })
      questions.value = p.questions.join('\n')
      const answer = h('textarea', { rows: 5 })
      answer.value = p.answer ?? ''
      body = [
        h(
          'p',
          {},
          'A new entry ',
          h('span', { class: 'lang' }, langLabel(p.lang)),
          ': operators gave this answer in several conversations. Check it says nothing about one customer before accepting.'
        ),
        field('Entry id (file name)', id),
        field('Title', title),
        field('Questions, one per line', questions),
        field('Answer (markdown)', answer),
      ]
      edits = () => ({
        entry_id: id.value,
        title: title.value,
        questions: questions.value
          .split('\n')
          .map((q) => q.trim())
          .filter((q) => q !== ''),
        answer: answer.value,
      })
    }
    const li = h(
      'li',
      { class: `proposal ${p.kind}` },
      ...body,
      sources(p),
      h('div', { class: 'proposal-actions' }, accept, reject, note)
    )
    const busy = (on: boolean): void => {
      accept.disabled = on
      reject.disabled = on
    }
    accept.addEventListener('click', () => {
      busy(true)
      actions.accept(p.id, edits()).then(
        (r) => {
          say(`Accepted: written to ${r.file}. The bot uses it now.`)
          li.remove()
          if (proposalList.children.length === 0) {
            replaceChildren(proposalList, h('li', { class: 'empty' }, 'Nothing to review.'))
          }
        },
        (err: unknown) => {
          busy(false)
          failed('Not accepted')(err)
        }
      )
    })
    reject.addEventListener('click', () => {
      busy(true)
      actions.reject(p.id, note.value).then(
        () => {
          say('Rejected: it will not be proposed again.')
          li.remove()
          if (proposalList.children.length === 0) {
            replaceChildren(proposalList, h('li', { class: 'empty' }, 'Nothing to review.'))
          }
        },
        (err: unknown) => {
          busy(false)
          failed('Not rejected')(err)
        }
      )
    })
    return li
  }

  const groupItem = (g: ReportGroup): HTMLElement =>
    h(
      'li',
      { class: 'group' },
      h(
        'p',
        { class: 'group-head' },
        h('strong', {}, `${g.count} question${g.count === 1 ? '' : 's'}`),
        ` in ${g.conversations} conversation${g.conversations === 1 ? '' : 's'} `,
        h('span', { class: 'lang' }, langLabel(g.lang)),
        ' ',
        h('span', { class: 'meta' }, `last ${when(g.last_at)} · ${describeReasons(g.reasons)}`)
      ),
      h(
        'ul',
        { class: 'group-questions' },
        ...g.questions
          .slice(0, 6)
          .map((q) =>
            h(
              'li',
              {},
              h('a', { href: `#/c/${encodeURIComponent(q.conversation_id)}` }, q.text),
              q.personal ? h('span', { class: 'tag' }, 'personal data: never learned from') : null
            )
          )
      ),
      g.count > 6 ? h('p', { class: 'meta' }, `and ${g.count - 6} more`) : null,
      h(
        'p',
        { class: 'meta' },
        'Closest entries: ',
        g.closest.length === 0 ? 'none' : g.closest.map((c) => `${c.title} (${percent(c.confidence)})`).join('; ')
      )
    )

  const showProblems = (list: FaqReport['content_problems']): void => {
    const errors = list.filter((p) => p.severity === 'error')
    problems.hidden = errors.length === 0
    replaceChildren(
      problems,
      h('p', {}, `${errors.length} FAQ problem${errors.length === 1 ? '' : 's'}: these files are not served as they are on disk (the last good version is, or nothing). Fix them and save; ` + '`npx frontdesk faq check` lists them too.'),
      h('ul', {}, ...errors.map((p) => h('li', {}, `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`)))
    )
  }

  const loadReport = (): void => {
    replaceChildren(groupList, h('li', { class: 'empty' }, 'Loading…'))
    actions.report(since.value, lang.value).then(
      (r) => {
        const sampled = r.grouped < r.questions ? ` (grouped from an even sample of ${r.grouped})` : ''
        summary.textContent = `${r.questions} unanswered question${r.questions === 1 ? '' : 's'} in ${r.groups.length} group${r.groups.length === 1 ? '' : 's'}${sampled}, biggest first.`
        showProblems(r.content_problems)
        for (const l of new Set(r.groups.map((g) => g.lang))) {
          if (!Array.from(lang.options).some((o) => o.value === l)) lang.append(h('option', { value: l }, langLabel(l)))
        }
        replaceChildren(
          groupList,
          ...(r.groups.length === 0
            ? [h('li', { class: 'empty' }, 'The bot answered everything in this period.')]
            : r.groups.map(groupItem))
        )
      },
      (err: unknown) => {
        replaceChildren(groupList)
        failed('The report cannot be loaded')(err)
      }
    )
  }
  const loadProposals = (): void => {
    replaceChildren(proposalList, h('li', { class: 'empty' }, 'Loading…'))
    actions.proposals().then(
      (list) => {
        replaceChildren(
          proposalList,
          ...(list.length === 0 ? [h('li', { class: 'empty' }, 'Nothing to review.')] : list.map(proposalItem))
        )
      },
      (err: unknown) => {
        replaceChildren(proposalList)
        failed('The proposals cannot be loaded')(err)
      }
    )
  }
  since.addEventListener('change', loadReport)
  lang.addEventListener('change', loadReport)

  return {
    /** Shows the page, loading both lists when it was away. */
    render (): void {
      if (view.parentNode === root) return
      replaceChildren(root, view)
      say('')
      loadProposals()
      loadReport()
    },
    focusHeading (): void {
      heading.focus()
    },
  }
}
