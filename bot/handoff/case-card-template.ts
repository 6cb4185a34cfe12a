/**
 * The Adaptive Card template for the caseworker (adaptivecards-templating syntax). It binds only to the view model
 * that case-card.ts builds, where every field is set, so no "${...}" survives the expansion. Text a citizen typed
 * goes into TextRuns, which Teams shows as plain text: a citizen cannot put a link or formatting into the card.
 * TextBlocks and facts are Markdown in Teams: what they show from the case comes escaped (case-card.ts).
 * Paste it into https://adaptivecards.io/designer with a view model as sample data to see it.
 */
export const CASE_CARD_TEMPLATE = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    {
      type: 'TextBlock',
      text: 'Ny henvendelse fra Mentorbot',
      style: 'heading',
      size: 'Medium',
      weight: 'Bolder',
      wrap: true,
    },
    { type: 'TextBlock', text: '${createdAtText} · sag ${caseId}', isSubtle: true, spacing: 'None', wrap: true },
    { type: 'TextBlock', text: 'Status: ${statusText}', weight: 'Bolder', color: '${statusColor}', wrap: true },
    { $when: '${hasNote}', type: 'TextBlock', text: '${note}', color: 'Warning', wrap: true },
    {
      $when: '${hasSituation}',
      type: 'Container',
      items: [
        { type: 'TextBlock', text: 'Borgerens situation', weight: 'Bolder', wrap: true },
        { type: 'FactSet', facts: [{ $data: '${situation}', title: '${label}', value: '${value}' }] },
      ],
    },
    {
      $when: '${hasOutcomes}',
      type: 'Container',
      items: [
        { type: 'TextBlock', text: 'Mentorbots vejledning', weight: 'Bolder', wrap: true },
        {
          $data: '${outcomes}',
          type: 'Container',
          items: [
            { type: 'TextBlock', text: '${text}', wrap: true },
            {
              $when: '${hasSources}',
              type: 'TextBlock',
              text: '${sources}',
              isSubtle: true,
              spacing: 'None',
              wrap: true,
            },
          ],
        },
      ],
    },
    {
      $when: '${hasQuestion}',
      type: 'Container',
      items: [
        { type: 'TextBlock', text: 'Borgeren vil gerne have hjælp til', weight: 'Bolder', wrap: true },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '${question}' }] },
      ],
    },
    {
      type: 'Container',
      items: [
        { type: 'TextBlock', text: 'Samtalen indtil nu', weight: 'Bolder', wrap: true },
        { $when: '${hasOmitted}', type: 'TextBlock', text: '${omittedText}', isSubtle: true, wrap: true },
        { $when: '${!hasLines}', type: 'TextBlock', text: 'Ingen beskeder.', isSubtle: true, wrap: true },
        {
          $data: '${lines}',
          type: 'RichTextBlock',
          spacing: 'Small',
          inlines: [
            { type: 'TextRun', text: '${speaker}', weight: 'Bolder' },
            { type: 'TextRun', text: '${text}' },
          ],
        },
      ],
    },
  ],
  actions: [
    {
      $when: '${isWaiting}',
      type: 'Action.Submit',
      title: 'Overtag samtalen',
      style: 'positive',
      data: { mentorbot: 'claim', caseId: '${caseId}' },
    },
    {
      $when: '${isWaiting}',
      type: 'Action.Submit',
      title: 'Afvis',
      style: 'destructive',
      data: { mentorbot: 'decline', caseId: '${caseId}' },
    },
    { $when: '${isClaimed}', type: 'Action.Submit', title: 'Afslut', data: { mentorbot: 'end', caseId: '${caseId}' } },
  ],
} as const;
