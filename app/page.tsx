import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/current-user";
import { ROLE_HOME } from "@/domain/access/permissions";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? ROLE_HOME[user.role] : "/login");
}
