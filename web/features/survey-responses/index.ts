export { AnswerPage } from "./answer-page.tsx";
