/** The artifact's exemplar status: nominate, review, copy to my work; mounted on the artifact page. */
export function ExemplarPanel(_props: { artifactId: string }) {
  return null;
}
