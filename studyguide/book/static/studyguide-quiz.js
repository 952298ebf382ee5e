// Self-check quizzes ({self-check} directive): check an answer in the page, with no kernel
// and no server. Choice items carry the index of the right option (data-answer), short
// items the accepted answers (data-accept, JSON). Feedback goes to a role="status" line,
// which screen readers announce; the explanation, with its link to the paragraph, follows.
(function () {
  "use strict";
  function normal(text) {
    return text.toLowerCase().normalize("NFKC").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function check(form) {
    var right;
    if (form.dataset.kind === "choice") {
      var chosen = form.querySelector("input[type=radio]:checked");
      if (!chosen) return null;
      right = chosen.value === form.dataset.answer;
    } else {
      var typed = normal(form.querySelector("input[type=text]").value);
      if (!typed) return null;
      right = JSON.parse(form.dataset.accept).some(function (answer) { return normal(answer) === typed; });
    }
    return right;
  }
  function answer(event) {
    event.preventDefault();
    var form = event.currentTarget;
    var result = check(form);
    var feedback = form.querySelector(".sg-quiz-feedback");
    var explanation = form.querySelector(".sg-quiz-explanation");
    form.classList.remove("sg-right", "sg-wrong");
    if (result === null) {
      feedback.textContent = form.dataset.kind === "choice" ? "Choose an answer first." : "Type an answer first.";
      explanation.hidden = true;
      return;
    }
    form.classList.add(result ? "sg-right" : "sg-wrong");
    feedback.textContent = result ? "\u2713 Right." : "\u2717 Not quite. Read the explanation, then try again.";
    explanation.hidden = false;
  }
  function start() {
    document.querySelectorAll("form.sg-quiz-item").forEach(function (form) {
      form.addEventListener("submit", answer);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
