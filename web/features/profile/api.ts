import type { Person, ProfileUpdate } from "../../../shared/schemas/people.ts";
import { api } from "../../api/client.ts";

export const updateProfile = (input: ProfileUpdate) => api.patch<Person>("/api/v1/me/profile", input);
