// The API docs page (/api/docs): Swagger UI over the schema named in #swagger-settings (vetplan/api/docs.py).
document.addEventListener("DOMContentLoaded", function () {
  if (!window.SwaggerUIBundle) return;
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [window.SwaggerUIBundle.presets.apis];
  window.SwaggerUIBundle(config);
});
