// Live progress of a run's page: server-sent events update the figures and the messages;
// when the run ends, the page is loaded again, with its steps, rejects and changes.
(function () {
  var run = document.getElementById('run');
  if (!run || run.dataset.ended === 'true' || !window.EventSource) {
    return;
  }
  var source = new EventSource(run.dataset.events);
  var lines = document.getElementById('lines');
  function update(event) {
    var state = JSON.parse(event.data);
    var percent = document.getElementById('percent');
    percent.value = state.percent;
    percent.textContent = state.percent + ' %';
    document.getElementById('percent-text').textContent = state.percent + ' %';
    document.getElementById('step').textContent = state.stepLabel || '\u2013';
    document.getElementById('rows').textContent = state.rows;
    if (state.lines.length) {
      lines.textContent += (lines.textContent ? '\n' : '') + state.lines.join('\n');
    }
  }
  source.addEventListener('progress', update);
  source.addEventListener('end', function (event) {
    update(event);
    source.close();
    window.location.reload();
  });
})();
