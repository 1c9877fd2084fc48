/*
 * Runs inside headless Chromium after adaptivecards/dist/adaptivecards.js: renders one card into #frame
 * at a width and reports what the renderer complained about and what sticks out to the right.
 * Plain JavaScript because it executes in the page, not in Node.
 */
(function () {
  'use strict';
  const AC = window.AdaptiveCards;
  const WARNING_EVENTS = new Set([AC.ValidationEvent.Hint, AC.ValidationEvent.Deprecated]);

  function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  // Teams renders a markdown subset in TextBlocks (bold, italics, links, line breaks); the renderer only
  // does so when the host supplies a processor.
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = escapeHtml(text)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:])/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2">$1</a>')
      .replace(/\n/g, '<br>');
    result.didProcess = true;
  };

  function describe(element) {
    const text = (element.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `${element.tagName.toLowerCase()}.${(element.className || '').toString().split(' ')[0]} "${text}"`;
  }

  function eventsOf(list) {
    const errors = [];
    const warnings = [];
    for (const event of list) {
      const line = `${AC.ValidationEvent[event.event]}: ${event.message}`;
      (WARNING_EVENTS.has(event.event) ? warnings : errors).push(line);
    }
    return { errors, warnings };
  }

  window.renderAdaptiveCard = function (input) {
    const frame = document.getElementById('frame');
    frame.innerHTML = '';
    frame.style.width = `${input.width}px`;

    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(input.hostConfig);
    const context = new AC.SerializationContext();
    card.parse(input.card, context);
    const events = [];
    for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
    events.push(...card.validateProperties().validationEvents);
    const { errors, warnings } = eventsOf(events);

    const rendered = card.render();
    if (!rendered) {
      errors.push('Render: the renderer produced no element');
      return { errors, warnings, overflow: [], truncated: [], text: '', height: 0 };
    }
    frame.appendChild(rendered);

    const right = frame.getBoundingClientRect().right;
    const overflow = [];
    for (const element of frame.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > right + 0.5) {
        overflow.push(`${describe(element)} ends ${Math.round(box.right - right)} px past the edge`);
      }
    }
    // A button's title sits in an inner element that carries the ellipsis, so the button itself never
    // looks cut: measure every element inside it too, and name the button.
    const truncated = [];
    for (const element of frame.querySelectorAll('.ac-textBlock, .ac-pushButton')) {
      const cut = [element, ...element.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1);
      if (cut) truncated.push(describe(element));
    }
    const text = frame.innerText;
    return { errors, warnings, overflow, truncated, text, height: Math.ceil(frame.getBoundingClientRect().height) };
  };
})();
